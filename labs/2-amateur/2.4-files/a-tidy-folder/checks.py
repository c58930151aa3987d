import os

from labcheck import check, call, write_file, files_in_workdir


def folders_in_workdir():
    out = []
    for root, dirs, files in os.walk("."):
        for d in dirs:
            out.append(os.path.join(root, d)[2:])
    return sorted(out)


def downloads():
    write_file("downloads/cat.JPG", "meow")
    write_file("downloads/song.mp3", "la la")
    write_file("downloads/old/photo.png", "old photo")


@check(weight=1)
def example_make_folders(s):
    'make_folders("school", ["maths", "art", "music"])'
    return [call(s.make_folders, "school", ["maths", "art", "music"]), folders_in_workdir()]


@check(weight=1)
def example_list_folder(s):
    'list_folder("downloads") with cat.JPG, song.mp3 and the folder old/'
    downloads()
    return call(s.list_folder, "downloads")


@check(weight=1)
def example_tidy(s):
    'tidy("downloads") with cat.JPG, song.mp3 and old/photo.png, then all files'
    downloads()
    return [call(s.tidy, "downloads"), files_in_workdir()]


@check(weight=2, visible=False)
def make_folders_more(s):
    "make_folders with existing folders, a file already inside, nested names and no names"
    write_file("club/notes.txt", "hello")
    os.makedirs("club/chess")
    r = [call(s.make_folders, "club", ["chess", "drama", "Zoë's band"]),
         call(s.make_folders, "club", []),
         call(s.make_folders, "empty", []),
         call(s.make_folders, "deep/down", ["x", "y/z"])]
    return [r, folders_in_workdir(), files_in_workdir()]


@check(weight=2, visible=False)
def list_folder_more(s):
    "list_folder with an empty folder, only folders, hidden files and names with dots"
    write_file("mix/.hidden", "h")
    write_file("mix/README", "r")
    write_file("mix/b.txt", "b")
    write_file("mix/a.tar.gz", "a")
    write_file("mix/folder.v2/inner.txt", "i")
    write_file("mix/sub/deeper/file.txt", "f")
    os.makedirs("nothing")
    os.makedirs("only/one")
    os.makedirs("only/two")
    return [call(s.list_folder, "mix"), call(s.list_folder, "nothing"),
            call(s.list_folder, "only"), call(s.list_folder, "mix/sub")]


@check(weight=4, visible=False)
def tidy_more(s):
    "tidy with capitals, many extensions, files without extension, dot-files and old sub-folders"
    for name in ["a.TXT", "b.txt", "c.Txt", "photo.jpeg", "x.tar.gz", "Makefile", ".bashrc",
                 "Zoë.PNG", "folder.v2.md"]:
        write_file(f"mess/{name}", name)
    write_file("mess/txt/already.txt", "already here")
    write_file("mess/keep/inside.doc", "keep me")
    os.makedirs("mess/emptydir")
    os.makedirs("clean/sub")
    return [call(s.tidy, "mess"), files_in_workdir(), folders_in_workdir(),
            call(s.tidy, "clean"), call(s.tidy, "mess")]
