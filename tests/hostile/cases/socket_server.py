# expect: ok
# stdout-has: echo: hello over loopback
import socket, threading
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
def serve():
    c, _ = srv.accept(); c.sendall(b"echo: " + c.recv(100)); c.close()
threading.Thread(target=serve).start()
c = socket.create_connection(srv.getsockname()); c.sendall(b"hello over loopback")
print(c.recv(100).decode())
