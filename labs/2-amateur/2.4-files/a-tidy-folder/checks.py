import os

from labcheck import check, cases, case, case_call, call, write_file


def inside(folder):
    """Everything below `folder`: sorted paths, folders ending with "/"."""
    out = []
    for root, dirs, files in os.walk(folder):
        rel = os.path.relpath(root, folder)
        for d in dirs:
            out.append(os.path.normpath(os.path.join(rel, d)) + "/")
        for f in files:
            out.append(os.path.normpath(os.path.join(rel, f)))
    return sorted(out)


def downloads(name="downloads"):
    write_file(f"{name}/cat.JPG", "meow")
    write_file(f"{name}/song.mp3", "la la")
    write_file(f"{name}/old/photo.png", "old photo")


# Visible checks: the examples of README.md.


@check(weight=1)
def example_make_folders(s):
    "make_folders creates school and its three folders"
    case_call('make_folders("school", ["maths", "art", "music"]); everything inside school')
    r = call(s.make_folders, "school", ["maths", "art", "music"])
    return {"returned": r, "inside school": inside("school")}


@check(weight=1)
def example_list_folder(s):
    "list_folder sorts what is in downloads into files and folders"
    downloads()
    return call(s.list_folder, "downloads")


@check(weight=1)
def example_tidy(s):
    "tidy moves cat.JPG into jpg and song.mp3 into mp3, and leaves old alone"
    downloads()
    case_call('tidy("downloads"); everything inside downloads')
    r = call(s.tidy, "downloads")
    return {"returned": r, "inside downloads": inside("downloads")}


# Hidden checks.


def club(base):
    write_file(f"{base}/notes.txt", "hello")
    os.makedirs(f"{base}/chess", exist_ok=True)


@check(weight=2, visible=False)
@cases(case("club", ["chess", "drama", "Zoë's band"],
            about="a folder that exists already, with a file and a folder inside"),
       case("club2", [], about="no names, on a folder that exists"),
       case("empty", [], about="no names, on a new folder"),
       case("deep/down", ["x", "y/z"], about="a base and a name with / inside"),
       case("club3", ["chess", "chess", "go"], about="the same name twice"))
def make_folders_more(s, base, names):
    "make_folders with existing folders, a file already inside, nested names and no names"
    if base.startswith("club"):
        club(base)
    r = call(s.make_folders, base, list(names))
    return [r, inside(base.split("/")[0])]


def mix():
    write_file("mix/.hidden", "h")
    write_file("mix/README", "r")
    write_file("mix/b.txt", "b")
    write_file("mix/a.tar.gz", "a")
    write_file("mix/folder.v2/inner.txt", "i")
    write_file("mix/sub/deeper/file.txt", "f")
    os.makedirs("nothing", exist_ok=True)
    os.makedirs("only/one", exist_ok=True)
    os.makedirs("only/two", exist_ok=True)


@check(weight=2, visible=False)
@cases(case("mix", about="hidden files, a file without extension, a folder with a dot"),
       case("nothing", about="an empty folder"),
       case("only", about="only folders"),
       case("mix/sub", about="a folder inside another one"))
def list_folder_more(s, folder):
    "list_folder with an empty folder, only folders, hidden files and names with dots"
    mix()
    return call(s.list_folder, folder)


def mess(name):
    for f in ["a.TXT", "b.txt", "c.Txt", "photo.jpeg", "x.tar.gz", "Makefile", ".bashrc",
              "Zoë.PNG", "folder.v2.md"]:
        write_file(f"{name}/{f}", f)
    write_file(f"{name}/txt/already.txt", "already here")
    write_file(f"{name}/keep/inside.doc", "keep me")
    os.makedirs(f"{name}/emptydir")


def tidy_mess(s):
    mess("mess")
    return [call(s.tidy, "mess"), inside("mess")]


def tidy_twice(s):
    mess("twice")
    return [call(s.tidy, "twice"), call(s.tidy, "twice"), inside("twice")]


def tidy_clean(s):
    os.makedirs("clean/sub")
    return [call(s.tidy, "clean"), inside("clean")]


def tidy_no_extensions(s):
    for f in ["LICENSE", "Makefile", ".gitignore"]:
        write_file(f"plain/{f}", f)
    return [call(s.tidy, "plain"), inside("plain")]


def tidy_same_folder(s):
    downloads("dl")
    write_file("dl/more.JPG", "woof")
    return [call(s.tidy, "dl"), inside("dl")]


@check(weight=4, visible=False)
@cases(case(tidy_mess, about="capitals, many extensions, files without extension, old sub-folders"),
       case(tidy_twice, about="tidy twice in a row"),
       case(tidy_clean, about="a folder with only a sub-folder in it"),
       case(tidy_no_extensions, about="only files without an extension"),
       case(tidy_same_folder, about="two files that go into the same new sub-folder"))
def tidy_more(s, scenario):
    "tidy with capitals, many extensions, files without extension, dot-files and old sub-folders"
    return scenario(s)
