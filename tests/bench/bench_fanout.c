/*
 * bench_fanout — load generator for live-exercise fan-out (issue 5).
 *
 * One epoll loop, OpenSSL directly (non-blocking SSL_connect), hand-written
 * RFC 6455 client framing with masking, lab.v1 envelopes through the
 * generated protobuf-c code (proto/wire.h). Driven by bench_fanout.py, which
 * owns PostgreSQL and the two labserver processes.
 *
 *   bench_fanout --mode fanout --ports A,B --pids PA,PB --n N [--pushes K]
 *                [--instructor USER] (password on stdin, first line)
 *       connect N students (alternating A and B, resume by token) and one
 *       instructor (A, login), measure RSS growth per connection, then push
 *       K live exercises and time each student's notice.
 *
 *   bench_fanout --mode reconnect --ports A,B --n N
 *       connect N students, print "ready-for-restart", then wait for the
 *       driver to restart the servers (it writes "up <CLOCK_MONOTONIC s>" on
 *       stdin); every student reconnects with exponential backoff and full
 *       jitter and resumes; report time to all back and peak concurrent
 *       handshakes.
 *
 * Student i resumes with token = sha256hex("bench-token-<i>"); the driver
 * stores sha256hex(token) in sessions. Figures are printed, never asserted.
 * Exit status: 0 when the run completed (whatever the figures), 1 on a setup
 * failure (could not connect the students), 2 on usage errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "common/str.h"
#include "common/token.h"
#include "proto/wire.h"

#define MAX_PUSHES 32
#define MAX_MSG (16u * 1024 * 1024)
#define WS_KEY "dGhlIHNhbXBsZSBub25jZQ=="
#define WS_ACCEPT "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

enum cstate { S_IDLE, S_WAIT, S_TCP, S_TLS, S_WS, S_HELLO, S_AUTH, S_READY };

struct conn {
    int fd;
    int idx;    /* student index, or -1 for the instructor */
    int server; /* 0 = A, 1 = B */
    enum cstate st;
    SSL *ssl;
    uint32_t ev; /* current epoll interest */
    uint8_t *in;
    size_t in_len, in_cap;
    uint8_t *msg;
    size_t msg_len, msg_cap;
    uint8_t *out;
    size_t out_len, out_cap;
    unsigned attempts; /* consecutive failures, for the backoff */
    double retry_at;
    double hs_start;
    double tls_done;
    uint64_t next_id;
    int push_seen; /* index of the last push whose notice arrived */
    int64_t notice_live_id;
};

/* ---- options and global state ---------------------------------------------------------- */

static struct {
    const char *mode;
    int port[2];
    int pid[2];
    int n;
    int pushes;
    int warmup;
    const char *instructor;
    char password[256];
    const char *cohort;
    const char *lab_id;
    const char *ca;
    int window;          /* concurrent handshakes while setting up */
    double backoff_base; /* s */
    double backoff_cap;  /* s */
    double setup_timeout;
    double push_timeout;
    double reconnect_timeout;
} opt = {
    .pushes = 5,
    .warmup = 1,
    .instructor = "teach",
    .cohort = "bench",
    .lab_id = "b-hello-world",
    .window = 128,
    .backoff_base = 0.100,
    .backoff_cap = 5.0,
    .setup_timeout = 180,
    .push_timeout = 10,
    .reconnect_timeout = 120,
};

static int ep = -1;
static SSL_CTX *sslctx;
static struct conn *conns; /* n students, then the instructor */
static struct conn *teacher;
static int n_conns;
static bool reconnect_on_close; /* students: reconnect with backoff when closed */
static bool stdin_open;
static double server_up_at = -1;

static struct {
    int ready;
    int waiting; /* in S_WAIT: the timer scan only runs when some are */
    int inprog, inprog_peak;
    int tls, tls_peak;
    long attempts, fail_refused, fail_tls, fail_closed, fail_auth, fail_busy, fail_other;
    int closes_seen;
    double first_close_at, all_ready_at;
} st;

/* instructor request tracking */
static uint64_t pending_req_id;
static bool pending_done;
static int pending_body;
static int pending_err_code;
static char pending_err_text[256];
static int64_t pending_live_id;
static double pending_reply_at;

/* pushes */
static int cur_push = -1;
static double push_t0[MAX_PUSHES];
static double push_reply_ms[MAX_PUSHES];
static float *push_lat[MAX_PUSHES]; /* per student ms, <0 missing */
static int64_t push_live_id[MAX_PUSHES];
static int push_got[MAX_PUSHES];

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static double urand(void)
{
    return (double)(rng() >> 11) / 9007199254740992.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench_fanout: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        die("out of memory");
    return q;
}

static void buf_append(uint8_t **buf, size_t *len, size_t *cap, const void *data, size_t n)
{
    if (*len + n > *cap) {
        size_t c = *cap ? *cap : 256;
        while (c < *len + n)
            c *= 2;
        *buf = xrealloc(*buf, c);
        *cap = c;
    }
    memcpy(*buf + *len, data, n);
    *len += n;
}

static long rss_kib(int pid)
{
    char path[64], line[256];
    long v = -1;
    FILE *f;

    snprintf(path, sizeof path, "/proc/%d/status", pid);
    f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) {
            uint64_t kib;
            if (parse_u64_prefix(line + 6 + strspn(line + 6, " \t"), LONG_MAX, &kib, NULL) == 0)
                v = (long)kib;
            break;
        }
    fclose(f);
    return v;
}

/* user+system CPU of @pid in ms (clock-tick resolution), -1 when unreadable */
static double proc_cpu_ms(int pid)
{
    char path[64], buf[1024];
    unsigned long ut = 0, stt = 0;
    FILE *f;
    size_t n;

    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    f = fopen(path, "r");
    if (!f)
        return -1;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* the command name may contain spaces */
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &stt) != 2)
        return -1;
    return (double)(ut + stt) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static double self_cpu_ms(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

/* ---- connection state ------------------------------------------------------------------- */

static bool in_progress(enum cstate s)
{
    return s >= S_TCP && s <= S_AUTH;
}

static void set_state(struct conn *c, enum cstate s)
{
    bool was = in_progress(c->st), is = in_progress(s);

    if (c->st == S_TLS)
        st.tls--;
    if (s == S_TLS && ++st.tls > st.tls_peak)
        st.tls_peak = st.tls;
    if (!was && is && ++st.inprog > st.inprog_peak)
        st.inprog_peak = st.inprog;
    if (was && !is)
        st.inprog--;
    if (c->st == S_READY)
        st.ready--;
    if (s == S_READY)
        st.ready++;
    if (c->st == S_WAIT)
        st.waiting--;
    if (s == S_WAIT)
        st.waiting++;
    c->st = s;
}

static void set_events(struct conn *c, uint32_t ev)
{
    struct epoll_event e = {.events = ev, .data.u32 = (uint32_t)(c - conns)};

    if (c->fd < 0 || ev == c->ev)
        return;
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &e) < 0)
        die("epoll_ctl MOD: %s", strerror(errno));
    c->ev = ev;
}

static void conn_reset(struct conn *c)
{
    if (c->ssl) {
        SSL_free(c->ssl);
        c->ssl = NULL;
    }
    if (c->fd >= 0) {
        close(c->fd); /* also leaves the epoll set */
        c->fd = -1;
    }
    c->in_len = c->msg_len = c->out_len = 0;
    c->ev = 0;
}

enum fail_kind { F_REFUSED, F_TLS, F_CLOSED, F_AUTH, F_BUSY, F_OTHER };

/* distinct reasons for F_OTHER and F_TLS failures, counted (for the report) */
static struct {
    char text[96];
    long n;
} reasons[16];

static void note_reason(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note_reason(const char *fmt, ...)
{
    char t[96];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        if (!reasons[i].n) {
            snprintf(reasons[i].text, sizeof reasons[i].text, "%s", t);
        }
        if (!strcmp(reasons[i].text, t)) {
            reasons[i].n++;
            return;
        }
    }
}

static void print_reasons(void)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0] && reasons[i].n; i++) {
        printf("%s%s x%ld", i ? "; " : "    failure reasons: ", reasons[i].text, reasons[i].n);
        reasons[i].n = 0;
    }
    if (reasons[0].text[0])
        printf("\n");
    memset(reasons, 0, sizeof reasons);
}

/* handshake durations of successful attempts: start -> TLS done, start -> AuthOk (ms) */
static float *hs_tls_ms, *hs_auth_ms;
static int hs_n, hs_cap;

static void conn_fail(struct conn *c, enum fail_kind why, double min_delay)
{
    double t = now();

    if (c->st == S_READY && st.first_close_at < 0)
        st.first_close_at = t;
    if (c->st == S_READY)
        st.closes_seen++;
    switch (why) {
    case F_REFUSED:
        st.fail_refused++;
        break;
    case F_TLS:
        st.fail_tls++;
        break;
    case F_CLOSED:
        if (in_progress(c->st))
            st.fail_closed++;
        break;
    case F_AUTH:
        st.fail_auth++;
        break;
    case F_BUSY:
        st.fail_busy++;
        break;
    case F_OTHER:
        st.fail_other++;
        break;
    }
    bool was_ready = c->st == S_READY;
    conn_reset(c);
    if (c == teacher || (!reconnect_on_close && was_ready)) {
        set_state(c, S_IDLE);
        return;
    }
    /* Exponential backoff with full jitter: U(0, min(cap, base * 2^attempts)). */
    double ceil_s = opt.backoff_base * ldexp(1.0, (int)(c->attempts < 30 ? c->attempts : 30));
    if (ceil_s > opt.backoff_cap)
        ceil_s = opt.backoff_cap;
    double d = urand() * ceil_s;
    if (d < min_delay)
        d = min_delay;
    if (!was_ready)
        c->attempts++;
    c->retry_at = t + d;
    set_state(c, S_WAIT);
}

static void conn_start(struct conn *c)
{
    struct sockaddr_in sa = {.sin_family = AF_INET};
    struct epoll_event e;
    int one = 1;

    st.attempts++;
    c->hs_start = now();
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0)
        die("socket: %s (raise ulimit -n)", strerror(errno));
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sa.sin_port = htons((uint16_t)opt.port[c->server]);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    set_state(c, S_TCP);
    c->ev = EPOLLIN | EPOLLOUT;
    e.events = c->ev;
    e.data.u32 = (uint32_t)(c - conns);
    if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &e) < 0)
        die("epoll_ctl ADD: %s", strerror(errno));
    if (connect(c->fd, (struct sockaddr *)&sa, sizeof sa) < 0 && errno != EINPROGRESS) {
        if (errno != ECONNREFUSED)
            note_reason("connect: %s", strerror(errno));
        conn_fail(c, errno == ECONNREFUSED ? F_REFUSED : F_OTHER, 0);
    }
}

/* ---- output ----------------------------------------------------------------------------- */

static void flush_out(struct conn *c)
{
    while (c->out_len > 0) {
        int n = SSL_write(c->ssl, c->out, (int)c->out_len);
        if (n > 0) {
            memmove(c->out, c->out + n, c->out_len - (size_t)n);
            c->out_len -= (size_t)n;
            continue;
        }
        int e = SSL_get_error(c->ssl, n);
        if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ) {
            set_events(c, EPOLLIN | EPOLLOUT);
            return;
        }
        ERR_clear_error();
        conn_fail(c, F_CLOSED, 0);
        return;
    }
    set_events(c, EPOLLIN);
}

static void queue_frame(struct conn *c, int opcode, const uint8_t *p, size_t n)
{
    uint8_t h[14];
    size_t hl = 0;
    uint32_t m = (uint32_t)rng();
    uint8_t mask[4] = {(uint8_t)m, (uint8_t)(m >> 8), (uint8_t)(m >> 16), (uint8_t)(m >> 24)};

    h[hl++] = (uint8_t)(0x80 | opcode);
    if (n < 126) {
        h[hl++] = (uint8_t)(0x80 | n);
    } else if (n < 65536) {
        h[hl++] = 0x80 | 126;
        h[hl++] = (uint8_t)(n >> 8);
        h[hl++] = (uint8_t)n;
    } else {
        h[hl++] = 0x80 | 127;
        for (int i = 7; i >= 0; i--)
            h[hl++] = (uint8_t)((uint64_t)n >> (8 * i));
    }
    memcpy(h + hl, mask, 4);
    hl += 4;
    buf_append(&c->out, &c->out_len, &c->out_cap, h, hl);
    size_t at = c->out_len;
    buf_append(&c->out, &c->out_len, &c->out_cap, p, n);
    for (size_t i = 0; i < n; i++)
        c->out[at + i] ^= mask[i & 3];
}

static uint64_t send_env(struct conn *c, Envelope *env)
{
    uint8_t *buf = NULL;
    size_t len = 0;

    env->id = ++c->next_id;
    if (wire_pack(env, 0, MAX_MSG, &buf, &len) != 0)
        die("wire_pack failed");
    queue_frame(c, 2, buf, len);
    free(buf);
    return env->id;
}

static void send_hello(struct conn *c)
{
    Envelope env = LAB__V1__ENVELOPE__INIT;
    Lab__V1__Hello h = LAB__V1__HELLO__INIT;

    h.min_minor = 0;
    h.max_minor = 0;
    h.client = "bench_fanout/0.1.0";
    env.body_case = LAB__V1__ENVELOPE__BODY_HELLO;
    env.hello = &h;
    send_env(c, &env);
}

static void send_auth(struct conn *c)
{
    Envelope env = LAB__V1__ENVELOPE__INIT;
    Lab__V1__ResumeRequest r = LAB__V1__RESUME_REQUEST__INIT;
    Lab__V1__LoginRequest l = LAB__V1__LOGIN_REQUEST__INIT;
    char seed[64], token[SHA256_HEX_LEN + 1];

    if (c == teacher) {
        l.username = (char *)opt.instructor;
        l.password = opt.password;
        env.body_case = LAB__V1__ENVELOPE__BODY_LOGIN_REQ;
        env.login_req = &l;
    } else {
        snprintf(seed, sizeof seed, "bench-token-%d", c->idx);
        token_sha256_hex(seed, strlen(seed), token);
        r.token = token;
        env.body_case = LAB__V1__ENVELOPE__BODY_RESUME_REQ;
        env.resume_req = &r;
    }
    send_env(c, &env);
}

/* ---- input ------------------------------------------------------------------------------ */

static void on_envelope(struct conn *c, const Envelope *env, double t)
{
    if (env->reply_to && c == teacher && env->reply_to == pending_req_id) {
        pending_done = true;
        pending_reply_at = t;
        pending_body = (int)env->body_case;
        if (env->body_case == LAB__V1__ENVELOPE__BODY_ERROR) {
            pending_err_code = (int)env->error->code;
            snprintf(pending_err_text, sizeof pending_err_text, "%s", env->error->text);
        } else if (env->body_case == LAB__V1__ENVELOPE__BODY_LIVE_NOTICE) {
            pending_live_id = env->live_notice->live_id;
        }
    }
    switch (env->body_case) {
    case LAB__V1__ENVELOPE__BODY_HELLO_OK:
        if (c->st == S_HELLO) {
            set_state(c, S_AUTH);
            send_auth(c);
        }
        break;
    case LAB__V1__ENVELOPE__BODY_AUTH_OK:
        if (c->st == S_AUTH) {
            set_state(c, S_READY);
            c->attempts = 0;
            if (hs_n < hs_cap) {
                hs_tls_ms[hs_n] = (float)((c->tls_done - c->hs_start) * 1000.0);
                hs_auth_ms[hs_n++] = (float)((t - c->hs_start) * 1000.0);
            }
        }
        break;
    case LAB__V1__ENVELOPE__BODY_ERROR:
        if (c->st == S_HELLO || c->st == S_AUTH) {
            Lab__V1__ErrorCode code = env->error->code;
            bool busy = code == LAB__V1__ERROR_CODE__UNAVAILABLE ||
                        code == LAB__V1__ERROR_CODE__RATE_LIMITED;
            if (c == teacher || !busy)
                fprintf(stderr, "bench_fanout: %s %d refused: %s: %s\n",
                        c == teacher ? "instructor" : "student", c->idx, wire_error_name(code),
                        env->error->text);
            conn_fail(c, busy ? F_BUSY : F_AUTH, env->error->retry_after_ms / 1000.0);
        }
        break;
    case LAB__V1__ENVELOPE__BODY_LIVE_NOTICE:
        if (c != teacher && c->idx >= 0 && cur_push >= 0 && c->push_seen < cur_push &&
            !env->live_notice->ended && t >= push_t0[cur_push]) {
            c->push_seen = cur_push;
            c->notice_live_id = env->live_notice->live_id;
            push_lat[cur_push][c->idx] = (float)((t - push_t0[cur_push]) * 1000.0);
            push_got[cur_push]++;
        }
        break;
    default:
        break;
    }
}

/* Returns false when the connection was failed. */
static bool parse_frames(struct conn *c, double t)
{
    size_t pos = 0;

    while (c->in_len - pos >= 2) {
        const uint8_t *p = c->in + pos;
        size_t avail = c->in_len - pos, hl = 2;
        uint64_t n = p[1] & 0x7f;
        bool fin = p[0] & 0x80, masked = p[1] & 0x80;
        int op = p[0] & 0x0f;

        if (n == 126) {
            if (avail < 4)
                break;
            n = ((uint64_t)p[2] << 8) | p[3];
            hl = 4;
        } else if (n == 127) {
            if (avail < 10)
                break;
            n = 0;
            for (int i = 0; i < 8; i++)
                n = (n << 8) | p[2 + i];
            hl = 10;
        }
        if (masked)
            hl += 4;
        if (n > MAX_MSG) {
            conn_fail(c, F_OTHER, 0);
            return false;
        }
        if (avail < hl + n)
            break;
        const uint8_t *payload = p + hl;
        uint8_t mk[4] = {0};
        if (masked)
            memcpy(mk, p + hl - 4, 4);
        pos += hl + (size_t)n;
        if (op == 0x8) { /* close: the server is going away */
            conn_fail(c, F_CLOSED, 0);
            return false;
        }
        if (op == 0x9) { /* ping → pong */
            uint8_t tmp[125];
            size_t m = n < sizeof tmp ? (size_t)n : sizeof tmp;
            for (size_t i = 0; i < m; i++)
                tmp[i] = payload[i] ^ mk[i & 3];
            queue_frame(c, 0xA, tmp, m);
            continue;
        }
        if (op == 0xA)
            continue;
        if (op != 0)
            c->msg_len = 0;
        size_t at = c->msg_len;
        buf_append(&c->msg, &c->msg_len, &c->msg_cap, payload, (size_t)n);
        if (masked)
            for (size_t i = 0; i < n; i++)
                c->msg[at + i] ^= mk[i & 3];
        if (fin) {
            Envelope *env = NULL;
            struct lab_err err;
            if (wire_decode(c->msg, c->msg_len, MAX_MSG, &env, &err) == 0) {
                on_envelope(c, env, t);
                wire_free(env);
                if (c->fd < 0)
                    return false;
            } else {
                fprintf(stderr, "bench_fanout: undecodable frame: %s\n", err.msg);
            }
            c->msg_len = 0;
        }
    }
    memmove(c->in, c->in + pos, c->in_len - pos);
    c->in_len -= pos;
    return true;
}

static bool parse_http(struct conn *c)
{
    uint8_t *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
    size_t hl;

    if (!end)
        return c->in_len < 8192;
    hl = (size_t)(end - c->in) + 4;
    if (c->in_len < 12 || memcmp(c->in, "HTTP/1.1 101", 12) != 0 ||
        !memmem(c->in, hl, WS_ACCEPT, strlen(WS_ACCEPT))) {
        return false;
    }
    memmove(c->in, c->in + hl, c->in_len - hl);
    c->in_len -= hl;
    set_state(c, S_HELLO);
    send_hello(c);
    return true;
}

static void do_read(struct conn *c)
{
    uint8_t buf[16384];

    for (;;) {
        int n = SSL_read(c->ssl, buf, sizeof buf);
        if (n <= 0) {
            int e = SSL_get_error(c->ssl, n);
            if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
                break;
            ERR_clear_error();
            if (in_progress(c->st))
                note_reason("closed by the server during %s", c->st == S_WS      ? "the upgrade"
                                                              : c->st == S_HELLO ? "hello"
                                                                                 : "resume");
            conn_fail(c, F_CLOSED, 0);
            return;
        }
        double t = now();
        buf_append(&c->in, &c->in_len, &c->in_cap, buf, (size_t)n);
        if (c->st == S_WS) {
            if (!parse_http(c)) {
                char line[48];
                size_t l = c->in_len < sizeof line - 1 ? c->in_len : sizeof line - 1;
                memcpy(line, c->in, l);
                line[l] = 0;
                line[strcspn(line, "\r\n")] = 0;
                note_reason("upgrade answered '%s'", line);
                conn_fail(c, F_OTHER, 0);
                return;
            }
            if (c->st == S_WS)
                continue;
        }
        if (!parse_frames(c, t))
            return;
    }
    if (c->out_len)
        flush_out(c);
}

static void do_tls(struct conn *c)
{
    int r = SSL_connect(c->ssl);

    if (r == 1) {
        char req[512];
        c->tls_done = now();
        int n = snprintf(req, sizeof req,
                         "GET / HTTP/1.1\r\nHost: localhost:%d\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\nSec-WebSocket-Key: " WS_KEY "\r\n"
                         "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: " WIRE_SUBPROTOCOL
                         "\r\n\r\n",
                         opt.port[c->server]);
        set_state(c, S_WS);
        buf_append(&c->out, &c->out_len, &c->out_cap, req, (size_t)n);
        flush_out(c);
        if (c->fd >= 0)
            do_read(c);
        return;
    }
    int e = SSL_get_error(c->ssl, r);
    if (e == SSL_ERROR_WANT_READ) {
        set_events(c, EPOLLIN);
    } else if (e == SSL_ERROR_WANT_WRITE) {
        set_events(c, EPOLLIN | EPOLLOUT);
    } else {
        unsigned long le = ERR_peek_error();
        if (le && c == teacher)
            fprintf(stderr, "bench_fanout: TLS: %s\n", ERR_error_string(le, NULL));
        if (le)
            note_reason("tls: %s", ERR_reason_error_string(le) ? ERR_reason_error_string(le) : "?");
        else if (e == SSL_ERROR_SYSCALL && errno)
            note_reason("tls: %s", strerror(errno));
        ERR_clear_error();
        conn_fail(c, F_TLS, 0);
    }
}

static void on_event(struct conn *c, uint32_t ev)
{
    if (c->fd < 0)
        return;
    if (c->st == S_TCP) {
        int err = 0;
        socklen_t l = sizeof err;
        if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l) < 0)
            err = errno;
        if (err) {
            if (err != ECONNREFUSED)
                note_reason("connect: %s", strerror(err));
            conn_fail(c, err == ECONNREFUSED ? F_REFUSED : F_OTHER, 0);
            return;
        }
        if (!(ev & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        c->ssl = SSL_new(sslctx);
        if (!c->ssl)
            die("SSL_new failed");
        SSL_set_fd(c->ssl, c->fd);
        SSL_set_tlsext_host_name(c->ssl, "localhost");
        if (opt.ca)
            SSL_set1_host(c->ssl, "localhost");
        SSL_set_connect_state(c->ssl);
        set_state(c, S_TLS);
        do_tls(c);
        return;
    }
    if (c->st == S_TLS) {
        do_tls(c);
        return;
    }
    if ((ev & EPOLLOUT) && c->out_len) {
        flush_out(c);
        if (c->fd < 0)
            return;
    }
    if (ev & (EPOLLIN | EPOLLERR | EPOLLHUP))
        do_read(c);
}

/* ---- the loop --------------------------------------------------------------------------- */

static int setup_next; /* next student to start in the setup phase (bounded window) */
static int setup_limit;
static bool setup_phase;

static void on_stdin(void)
{
    char line[256];
    ssize_t n = read(STDIN_FILENO, line, sizeof line - 1);

    if (n <= 0) {
        stdin_open = false;
        epoll_ctl(ep, EPOLL_CTL_DEL, STDIN_FILENO, NULL);
        return;
    }
    line[n] = 0;
    char *p = strstr(line, "up ");
    if (p) {
        char num[64];
        size_t k = strcspn(p + 3, " \r\n");
        double t;
        if (k < sizeof num) {
            memcpy(num, p + 3, k);
            num[k] = '\0';
            server_up_at = parse_double(num, &t) == 0 ? t : 0;
        }
    }
}

static void timers(double t)
{
    if (setup_phase)
        while (setup_next < setup_limit && st.inprog < opt.window)
            conn_start(&conns[setup_next++]);
    for (int i = 0; st.waiting > 0 && i < n_conns; i++) {
        struct conn *c = &conns[i];
        if (c->st == S_WAIT && c->retry_at <= t) {
            if (setup_phase && st.inprog >= opt.window)
                break;
            conn_start(c);
        }
    }
}

/* Run the loop until @done() or @deadline (CLOCK_MONOTONIC s). */
static bool run_until(bool (*done)(void), double deadline)
{
    struct epoll_event evs[512];

    for (;;) {
        double t = now();
        if (done())
            return true;
        if (t >= deadline)
            return false;
        timers(t);
        double left = deadline - t;
        int ms = left < 0.005 ? (int)(left * 1000) : 5;
        int n = epoll_wait(ep, evs, 512, ms);
        if (n < 0 && errno != EINTR)
            die("epoll_wait: %s", strerror(errno));
        for (int i = 0; i < n; i++) {
            uint32_t k = evs[i].data.u32;
            if (k == UINT32_MAX)
                on_stdin();
            else
                on_event(&conns[k], evs[i].events);
        }
    }
}

static bool never(void)
{
    return false;
}

static bool all_students_ready(void)
{
    int want = opt.n + (teacher && teacher->st != S_IDLE ? 1 : 0);
    return st.ready >= want;
}

static bool teacher_settled(void)
{
    return teacher->st == S_READY || teacher->st == S_IDLE;
}

static bool pending_reply(void)
{
    return pending_done || teacher->st != S_READY;
}

static bool push_complete(void)
{
    return push_got[cur_push] >= opt.n && pending_done;
}

static bool server_is_up(void)
{
    return server_up_at > 0 || !stdin_open;
}

/* ---- statistics ------------------------------------------------------------------------- */

static int cmp_f(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* q-quantile by nearest rank of a sorted array */
static float quant(const float *v, int n, double q)
{
    int k;

    if (n <= 0)
        return NAN;
    k = (int)ceil(q * n) - 1;
    if (k < 0)
        k = 0;
    if (k >= n)
        k = n - 1;
    return v[k];
}

static void usage(void)
{
    fprintf(stderr,
            "usage: bench_fanout --mode fanout|reconnect --ports A,B [--pids PA,PB] --n N\n"
            "       [--pushes K] [--warmup K] [--instructor USER] [--cohort NAME] [--lab ID]\n"
            "       [--ca CERT] [--window W] [--backoff-base-ms MS] [--backoff-cap-ms MS]\n"
            "  (fanout: the instructor's password is the first line of stdin)\n");
    exit(2);
}

/* An option's whole-number value, or usage(). */
static int opt_int(const char *v)
{
    int64_t n = 0;

    if (parse_i64(v, INT32_MIN, INT32_MAX, &n) < 0)
        usage();
    return (int)n;
}

/* An option's value in ms, returned in s, or usage(). */
static double opt_ms(const char *v)
{
    double ms = 0;

    if (parse_double(v, &ms) < 0)
        usage();
    return ms / 1000.0;
}

/* "A,B": two whole numbers, or usage(). */
static void parse_pair(const char *s, int out[2])
{
    const char *comma = strchr(s, ',');
    char first[32];

    if (!comma || (size_t)(comma - s) >= sizeof first)
        usage();
    memcpy(first, s, (size_t)(comma - s));
    first[comma - s] = '\0';
    out[0] = opt_int(first);
    out[1] = opt_int(comma + 1);
}

static void read_password(void)
{
    size_t i = 0;
    char ch;

    while (i + 1 < sizeof opt.password && read(STDIN_FILENO, &ch, 1) == 1 && ch != '\n')
        opt.password[i++] = ch;
    opt.password[i] = 0;
}

static void setup_ctx(void)
{
    sslctx = SSL_CTX_new(TLS_client_method());
    if (!sslctx)
        die("SSL_CTX_new failed");
    SSL_CTX_set_min_proto_version(sslctx, TLS1_2_VERSION);
    /* no SSL_MODE_RELEASE_BUFFERS here: the client's memory is not measured, its CPU is */
    SSL_CTX_set_mode(sslctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_session_cache_mode(sslctx, SSL_SESS_CACHE_OFF);
    if (opt.ca) {
        if (SSL_CTX_load_verify_locations(sslctx, opt.ca, NULL) != 1)
            die("cannot load %s", opt.ca);
        SSL_CTX_set_verify(sslctx, SSL_VERIFY_PEER, NULL);
    } else {
        SSL_CTX_set_verify(sslctx, SSL_VERIFY_NONE, NULL);
    }
}

static bool setup_ready(void)
{
    int want = setup_limit + (teacher && teacher->st != S_IDLE ? 1 : 0);
    return st.ready >= want;
}

static void reset_counters(void)
{
    st.inprog_peak = st.inprog;
    st.tls_peak = st.tls;
    st.attempts = st.fail_refused = st.fail_tls = st.fail_closed = st.fail_auth = 0;
    st.fail_busy = st.fail_other = 0;
    hs_n = 0;
    memset(reasons, 0, sizeof reasons);
}

static void print_hs(const char *label)
{
    qsort(hs_tls_ms, (size_t)hs_n, sizeof *hs_tls_ms, cmp_f);
    qsort(hs_auth_ms, (size_t)hs_n, sizeof *hs_auth_ms, cmp_f);
    printf("    %s: successful handshakes %d; connect->TLS done median %.1f ms, p99 %.1f ms,"
           " max %.1f ms; connect->resumed median %.1f ms, p99 %.1f ms, max %.1f ms\n",
           label, hs_n, quant(hs_tls_ms, hs_n, 0.5), quant(hs_tls_ms, hs_n, 0.99),
           quant(hs_tls_ms, hs_n, 1.0), quant(hs_auth_ms, hs_n, 0.5), quant(hs_auth_ms, hs_n, 0.99),
           quant(hs_auth_ms, hs_n, 1.0));
}

/* Connect students up to @upto (continuing where the last call stopped). */
static void connect_upto(int upto, const char *what)
{
    double t0 = now();
    int from = setup_next;

    reset_counters();
    setup_phase = true;
    setup_limit = upto;
    reconnect_on_close = true;
    bool ok = run_until(setup_ready, t0 + opt.setup_timeout);
    setup_phase = false;
    double dt = now() - t0;
    printf("  connect students %d..%d (%s, at most %d handshakes at once): %s in %.2f s "
           "(%.0f/s), %ld attempts; retries: busy %ld, refused %ld, tls %ld, closed %ld, "
           "auth %ld, other %ld\n",
           from, upto - 1, what, opt.window, ok ? "all resumed" : "NOT all resumed", dt,
           (upto - from) / dt, st.attempts, st.fail_busy, st.fail_refused, st.fail_tls,
           st.fail_closed, st.fail_auth, st.fail_other);
    print_hs("setup");
    print_reasons();
    if (!ok) {
        printf("RESULT n=%d error=setup ready=%d\n", opt.n, st.ready);
        fflush(stdout);
        exit(1);
    }
    fflush(stdout);
}

/* ---- modes ------------------------------------------------------------------------------ */

static void mode_fanout(void)
{
    long rss0[2], rss1[2];
    int held[2] = {0, 0};

    read_password();
    for (int s = 0; s < 2; s++)
        rss0[s] = rss_kib(opt.pid[s]);

    /* instructor on A, by login */
    teacher->server = 0;
    conn_start(teacher);
    if (!run_until(teacher_settled, now() + 20) || teacher->st != S_READY) {
        printf("RESULT n=%d error=instructor_login\n", opt.n);
        die("the instructor could not log in");
    }
    /* first half, idle a second, RSS; second half, idle a second, RSS */
    long rss_half[2];
    int held_half = opt.n / 2 + 1;
    connect_upto(opt.n / 2, "alternating A/B");
    run_until(never, now() + 1.0);
    for (int s = 0; s < 2; s++)
        rss_half[s] = rss_kib(opt.pid[s]);
    connect_upto(opt.n, "alternating A/B");
    for (int i = 0; i < n_conns; i++)
        held[conns[i].server]++;
    run_until(never, now() + 1.0);
    for (int s = 0; s < 2; s++)
        rss1[s] = rss_kib(opt.pid[s]);
    printf("  memory: A VmRSS %ld -> %ld KiB with %d conns = %.1f KiB/conn;"
           " B VmRSS %ld -> %ld KiB with %d conns = %.1f KiB/conn\n",
           rss0[0], rss1[0], held[0], (double)(rss1[0] - rss0[0]) / held[0], rss0[1], rss1[1],
           held[1], (double)(rss1[1] - rss0[1]) / held[1]);
    double per_conn = (double)(rss1[0] - rss0[0] + rss1[1] - rss0[1]) / (held[0] + held[1]);
    double marginal =
        (double)(rss1[0] - rss_half[0] + rss1[1] - rss_half[1]) / (held[0] + held[1] - held_half);
    printf("  memory: both: %.1f KiB/conn from an idle start; %.1f KiB/conn for the second half"
           " alone (%ld + %ld KiB at %d conns), i.e. without one-time costs\n",
           per_conn, marginal, rss_half[0], rss_half[1], held_half);

    /* pushes */
    double cpu_sum[3] = {0, 0, 0}, wall_sum = 0;
    bool supported = true;
    char why[300] = "";
    int npush = opt.pushes + opt.warmup < MAX_PUSHES ? opt.pushes + opt.warmup : MAX_PUSHES;
    int done_pushes = 0;
    for (int k = 0; k < npush && supported; k++) {
        Envelope env = LAB__V1__ENVELOPE__INIT;
        Lab__V1__LiveStartRequest r = LAB__V1__LIVE_START_REQUEST__INIT;

        push_lat[k] = malloc(sizeof(float) * (size_t)opt.n);
        if (!push_lat[k])
            die("out of memory");
        for (int i = 0; i < opt.n; i++)
            push_lat[k][i] = -1;
        r.cohort = (char *)opt.cohort;
        r.lab_id = (char *)opt.lab_id;
        env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_START_REQ;
        env.live_start_req = &r;
        pending_done = false;
        pending_err_code = 0;
        pending_live_id = 0;
        if (teacher->st != S_READY) {
            supported = false;
            snprintf(why, sizeof why, "the instructor's connection was closed");
            break;
        }
        double cpu0[3] = {proc_cpu_ms(opt.pid[0]), proc_cpu_ms(opt.pid[1]), self_cpu_ms()};
        pending_req_id = send_env(teacher, &env); /* queued; the clock starts at the write */
        cur_push = k;
        push_t0[k] = now();
        flush_out(teacher);
        run_until(push_complete, push_t0[k] + opt.push_timeout);
        if (k >= opt.warmup) {
            cpu_sum[0] += proc_cpu_ms(opt.pid[0]) - cpu0[0];
            cpu_sum[1] += proc_cpu_ms(opt.pid[1]) - cpu0[1];
            cpu_sum[2] += self_cpu_ms() - cpu0[2];
            wall_sum += now() - push_t0[k];
        }
        if (!pending_done) {
            supported = false;
            snprintf(why, sizeof why, "no reply to live_start_req within %.0f s", opt.push_timeout);
            break;
        }
        push_reply_ms[k] = (pending_reply_at - push_t0[k]) * 1000.0;
        if (pending_body != LAB__V1__ENVELOPE__BODY_LIVE_NOTICE) {
            supported = false;
            if (pending_body == LAB__V1__ENVELOPE__BODY_ERROR)
                snprintf(why, sizeof why, "live_start_req answered with error %s: %s",
                         wire_error_name((Lab__V1__ErrorCode)pending_err_code), pending_err_text);
            else
                snprintf(why, sizeof why, "live_start_req answered with body %d", pending_body);
            break;
        }
        push_live_id[k] = pending_live_id;
        /* a notice for another live session does not count */
        for (int i = 0; i < opt.n; i++)
            if (push_lat[k][i] >= 0 && conns[i].notice_live_id != pending_live_id) {
                push_lat[k][i] = -1;
                push_got[k]--;
            }
        done_pushes++;
        run_until(never, now() + 0.3); /* let stragglers and the previous end settle */
    }
    if (supported && teacher->st == S_READY) { /* end it, so later runs start clean */
        Envelope env = LAB__V1__ENVELOPE__INIT;
        Lab__V1__LiveEndRequest r = LAB__V1__LIVE_END_REQUEST__INIT;
        r.cohort = (char *)opt.cohort;
        env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_END_REQ;
        env.live_end_req = &r;
        pending_done = false;
        pending_req_id = send_env(teacher, &env);
        flush_out(teacher);
        run_until(pending_reply, now() + 5);
    }

    if (supported && done_pushes <= opt.warmup) {
        supported = false;
        snprintf(why, sizeof why, "no push completed after the warm-up");
    }
    if (!supported || done_pushes == 0) {
        printf("  push: not supported by this labserver (%s)\n", why);
        printf("RESULT n=%d conns=%d kib_per_conn=%.2f kib_marginal=%.2f kib_a=%.2f kib_b=%.2f "
               "push=unsupported\n",
               opt.n, held[0] + held[1], per_conn, marginal, (double)(rss1[0] - rss0[0]) / held[0],
               (double)(rss1[1] - rss0[1]) / held[1]);
        return;
    }

    /* statistics: every sample over every push, per instance, and time to last */
    size_t cap = (size_t)opt.n * (size_t)done_pushes;
    float *all = malloc(sizeof(float) * cap), *sa = malloc(sizeof(float) * cap),
          *sb = malloc(sizeof(float) * cap), lasts[MAX_PUSHES], replies[MAX_PUSHES],
          firsts[MAX_PUSHES], spreads[MAX_PUSHES];
    int na = 0, nsa = 0, nsb = 0, missing = 0, nk = 0;
    if (!all || !sa || !sb)
        die("out of memory");
    for (int k = 0; k < done_pushes; k++) {
        bool warm = k < opt.warmup;
        float *v = malloc(sizeof(float) * (size_t)opt.n);
        int m = 0;
        if (!v)
            die("out of memory");
        for (int i = 0; i < opt.n; i++) {
            float x = push_lat[k][i];
            if (x < 0) {
                missing += !warm;
                continue;
            }
            v[m++] = x;
            if (warm)
                continue;
            all[na++] = x;
            if (conns[i].server == 0)
                sa[nsa++] = x;
            else
                sb[nsb++] = x;
        }
        qsort(v, (size_t)m, sizeof *v, cmp_f);
        printf("  push %d%s: live_id %" PRId64 ", reply to instructor %.2f ms, %d/%d notices,"
               " first %.2f ms, median %.2f ms, p99 %.2f ms, last %.2f ms\n",
               k + 1 - opt.warmup, warm ? " (warm-up, not counted)" : "", push_live_id[k],
               push_reply_ms[k], m, opt.n, quant(v, m, 0.0), quant(v, m, 0.5), quant(v, m, 0.99),
               m ? v[m - 1] : NAN);
        if (!warm) {
            lasts[nk] = m ? v[m - 1] : NAN;
            firsts[nk] = m ? v[0] : NAN;
            spreads[nk] = m ? v[m - 1] - v[0] : NAN;
            replies[nk++] = (float)push_reply_ms[k];
        }
        free(v);
    }
    qsort(all, (size_t)na, sizeof *all, cmp_f);
    qsort(sa, (size_t)nsa, sizeof *sa, cmp_f);
    qsort(sb, (size_t)nsb, sizeof *sb, cmp_f);
    qsort(lasts, (size_t)nk, sizeof *lasts, cmp_f);
    qsort(replies, (size_t)nk, sizeof *replies, cmp_f);
    qsort(firsts, (size_t)nk, sizeof *firsts, cmp_f);
    qsort(spreads, (size_t)nk, sizeof *spreads, cmp_f);
    printf("  CPU per counted push, from the request until the last notice (%.1f ms of wall"
           " time on average): labserver A %.1f ms, labserver B %.1f ms, this tool %.1f ms"
           " (servers: clock-tick resolution)\n",
           wall_sum * 1000.0 / nk, cpu_sum[0] / nk, cpu_sum[1] / nk, cpu_sum[2] / nk);
    printf("  via A (instructor's instance): median %.2f ms, p99 %.2f ms; via B (NOTIFY):"
           " median %.2f ms, p99 %.2f ms\n",
           quant(sa, nsa, 0.5), quant(sa, nsa, 0.99), quant(sb, nsb, 0.5), quant(sb, nsb, 0.99));
    printf("RESULT n=%d conns=%d kib_per_conn=%.2f kib_marginal=%.2f kib_a=%.2f kib_b=%.2f "
           "push=ok pushes=%d p50=%.3f p99=%.3f last_med=%.3f last_max=%.3f reply_med=%.3f "
           "first_med=%.3f spread_med=%.3f missing=%d p99_a=%.3f p99_b=%.3f cpu_a=%.1f cpu_b=%.1f "
           "cpu_tool=%.1f\n",
           opt.n, held[0] + held[1], per_conn, marginal, (double)(rss1[0] - rss0[0]) / held[0],
           (double)(rss1[1] - rss0[1]) / held[1], nk, quant(all, na, 0.5), quant(all, na, 0.99),
           quant(lasts, nk, 0.5), lasts[nk - 1], quant(replies, nk, 0.5), quant(firsts, nk, 0.5),
           quant(spreads, nk, 0.5), missing, quant(sa, nsa, 0.99), quant(sb, nsb, 0.99),
           cpu_sum[0] / nk, cpu_sum[1] / nk, cpu_sum[2] / nk);
    free(all);
    free(sa);
    free(sb);
}

static void mode_reconnect(void)
{
    struct epoll_event e = {.events = EPOLLIN, .data.u32 = UINT32_MAX};

    teacher = NULL; /* students only */
    connect_upto(opt.n, "alternating A/B");
    stdin_open = true;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &e) < 0)
        die("epoll_ctl stdin: %s", strerror(errno));

    reset_counters();
    st.first_close_at = -1;
    st.closes_seen = 0;
    reconnect_on_close = true;
    printf("ready-for-restart\n");
    fflush(stdout);

    /* wait for the closes, the servers' return, and every student back */
    double t0 = now();
    run_until(server_is_up, t0 + 60);
    bool ok = run_until(all_students_ready, now() + opt.reconnect_timeout);
    double t_all = now();
    if (st.first_close_at < 0)
        st.first_close_at = t_all;
    printf("  reconnect: %d closes seen, %s %d/%d resumed %.2f s after the first close"
           " (%.2f s after both servers listened again)\n",
           st.closes_seen, ok ? "all back:" : "NOT all back:", st.ready, opt.n,
           t_all - st.first_close_at, server_up_at > 0 ? t_all - server_up_at : NAN);
    printf("  reconnect: %ld connection attempts (refused %ld, tls %ld, closed during handshake"
           " %ld, busy %ld, auth %ld, other %ld); peak %d handshakes in flight (%d in TLS)\n",
           st.attempts, st.fail_refused, st.fail_tls, st.fail_closed, st.fail_busy, st.fail_auth,
           st.fail_other, st.inprog_peak, st.tls_peak);
    print_hs("reconnect");
    print_reasons();
    printf("RESULT mode=reconnect n=%d ok=%d back=%d t_close=%.3f t_up=%.3f attempts=%ld "
           "refused=%ld peak_hs=%d peak_tls=%d busy=%ld\n",
           opt.n, ok, st.ready, t_all - st.first_close_at,
           server_up_at > 0 ? t_all - server_up_at : -1.0, st.attempts, st.fail_refused,
           st.inprog_peak, st.tls_peak, st.fail_busy);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            usage();
        if (!strcmp(a, "--mode"))
            opt.mode = v;
        else if (!strcmp(a, "--ports"))
            parse_pair(v, opt.port);
        else if (!strcmp(a, "--pids"))
            parse_pair(v, opt.pid);
        else if (!strcmp(a, "--n"))
            opt.n = opt_int(v);
        else if (!strcmp(a, "--pushes"))
            opt.pushes = opt_int(v);
        else if (!strcmp(a, "--warmup"))
            opt.warmup = opt_int(v);
        else if (!strcmp(a, "--instructor"))
            opt.instructor = v;
        else if (!strcmp(a, "--cohort"))
            opt.cohort = v;
        else if (!strcmp(a, "--lab"))
            opt.lab_id = v;
        else if (!strcmp(a, "--ca"))
            opt.ca = v;
        else if (!strcmp(a, "--window"))
            opt.window = opt_int(v);
        else if (!strcmp(a, "--backoff-base-ms"))
            opt.backoff_base = opt_ms(v);
        else if (!strcmp(a, "--backoff-cap-ms"))
            opt.backoff_cap = opt_ms(v);
        else
            usage();
        i++;
    }
    if (!opt.mode || opt.n <= 0 || !opt.port[0] || !opt.port[1] ||
        (strcmp(opt.mode, "fanout") && strcmp(opt.mode, "reconnect")))
        usage();
    if (!strcmp(opt.mode, "fanout") && (!opt.pid[0] || !opt.pid[1]))
        usage();

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)opt.n + 64)
        die("open files limit %lu is too low for %d connections", (unsigned long)rl.rlim_cur,
            opt.n);
    signal(SIGPIPE, SIG_IGN);
    rng_state ^= (uint64_t)getpid() * 0x2545F4914F6CDD1Dull ^ (uint64_t)(now() * 1e9);
    setup_ctx();
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0)
        die("epoll_create1: %s", strerror(errno));

    n_conns = opt.n + 1;
    conns = calloc((size_t)n_conns, sizeof *conns);
    if (!conns)
        die("out of memory");
    for (int i = 0; i < n_conns; i++) {
        conns[i].fd = -1;
        conns[i].idx = i < opt.n ? i : -1;
        conns[i].server = i % 2;
        conns[i].push_seen = -1;
        conns[i].st = S_IDLE;
    }
    teacher = &conns[opt.n];
    hs_cap = 4 * opt.n + 16;
    hs_tls_ms = malloc(sizeof(float) * (size_t)hs_cap);
    hs_auth_ms = malloc(sizeof(float) * (size_t)hs_cap);
    if (!hs_tls_ms || !hs_auth_ms)
        die("out of memory");
    st.first_close_at = -1;

    printf("bench_fanout %s: N=%d, ports %d,%d\n", opt.mode, opt.n, opt.port[0], opt.port[1]);
    if (!strcmp(opt.mode, "fanout"))
        mode_fanout();
    else
        mode_reconnect();
    fflush(stdout);
    for (int i = 0; i < n_conns; i++)
        conn_reset(&conns[i]);
    return 0;
}
