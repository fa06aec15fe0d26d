# socket: socketpair, a TCP server on loopback, timeouts, errors, helpers.
import socket
import threading

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.sendall(b"hello")
print(b.recv(16))
print(a.send(b"xyz"), b.recv(2), b.recv(5))
b.settimeout(0.05)
print(b.gettimeout())
try:
    b.recv(4)
except TimeoutError as e:
    print(type(e).__name__, e, isinstance(e, OSError), socket.timeout is TimeoutError)
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(4)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == 11)
b.setblocking(True)
print(b.gettimeout(), b.getblocking())
a.close()
print(b.recv(4))   # peer closed: empty bytes
b.close()
try:
    b.recv(1)
except OSError as e:
    print(type(e).__name__, e)
print(a.fileno())

# A TCP echo server on an ephemeral loopback port, served by a thread.
with socket.create_server(("127.0.0.1", 0)) as srv:
    host, port = srv.getsockname()
    print(host, port > 0)

    def serve():
        conn, addr = srv.accept()
        with conn:
            print("server: peer host", addr[0])
            while data := conn.recv(1024):
                conn.sendall(data.upper())

    t = threading.Thread(target=serve)
    t.start()
    with socket.create_connection((host, port)) as c:
        c.sendall(b"ping pong")
        got = b""
        while len(got) < 9:
            got += c.recv(1024)
        print(got, c.getpeername() == (host, port))
        c.shutdown(socket.SHUT_WR)
    t.join()

# Refused connection: bind a port, close it, then connect.
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno)
with socket.socket() as s:
    print(s.connect_ex(("127.0.0.1", port)) != 0)

# UDP datagrams
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u1, \
     socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u2:
    u1.bind(("127.0.0.1", 0))
    u2.sendto(b"datagram", u1.getsockname())
    data, addr = u1.recvfrom(100)
    print(data, addr == u2.getsockname())

# Helpers and argument errors
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0][4])
print(socket.gethostbyname("127.0.0.1"))
print(isinstance(socket.gethostname(), str))
print(issubclass(socket.gaierror, OSError), socket.error is OSError)
print(socket.getdefaulttimeout())
for bad in [lambda: socket.socket().bind(("127.0.0.1", 70000)),
            lambda: socket.socket().bind("x"),
            lambda: socket.socket().settimeout(-1),
            lambda: socket.socket().settimeout("x"),
            lambda: socket.socket().recv(-1),
            lambda: socket.inet_aton("300.1.1.1.1"),
            lambda: socket.socket().sendall("text")]:
    try:
        bad()
    except (OSError, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
    print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
