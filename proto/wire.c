/*
 * wire.c — budgeted decoding and schema-driven validation of envelopes.
 *
 * Validation walks the message descriptors generically, so new messages in
 * lab.proto are validated with no code here.
 */
#include "proto/wire.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"

struct decode_budget {
    size_t left;
    bool exhausted;
};

static void *budget_alloc(void *data, size_t size)
{
    struct decode_budget *b = data;

    if (size > b->left) {
        b->exhausted = true;
        return NULL;
    }
    b->left -= size;
    return malloc(size);
}

static void budget_free(void *data, void *ptr)
{
    (void)data;
    free(ptr);
}

static int validate_field(const ProtobufCFieldDescriptor *f, const void *member,
                          struct lab_err *err);

int wire_validate(const ProtobufCMessage *msg, struct lab_err *err)
{
    const ProtobufCMessageDescriptor *d = msg->descriptor;
    const char *base = (const char *)msg;

    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &d->fields[i];
        const void *member = base + f->offset;
        int rc;

        if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
            uint32_t which = *(const uint32_t *)(const void *)(base + f->quantifier_offset);
            if (which != f->id)
                continue;
        }
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n = *(const size_t *)(const void *)(base + f->quantifier_offset);
            const char *arr = *(const char *const *)member;
            size_t elem;

            switch (f->type) {
            case PROTOBUF_C_TYPE_STRING:
            case PROTOBUF_C_TYPE_MESSAGE:
                elem = sizeof(void *);
                break;
            case PROTOBUF_C_TYPE_ENUM:
                elem = sizeof(int);
                break;
            default:
                continue; /* numbers and bytes need no check */
            }
            for (size_t k = 0; k < n; k++) {
                rc = validate_field(f, arr + k * elem, err);
                if (rc < 0)
                    return rc;
            }
            continue;
        }
        rc = validate_field(f, member, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int validate_field(const ProtobufCFieldDescriptor *f, const void *member,
                          struct lab_err *err)
{
    switch (f->type) {
    case PROTOBUF_C_TYPE_STRING: {
        const char *s = *(const char *const *)member;
        if (s && !utf8_valid(s, strlen(s)))
            return lab_errf(err, LAB_E_PARSE, "field '%s' is not valid UTF-8", f->name);
        return 0;
    }
    case PROTOBUF_C_TYPE_ENUM: {
        int v = *(const int *)member;
        if (!protobuf_c_enum_descriptor_get_value(f->descriptor, v))
            return lab_errf(err, LAB_E_PARSE, "field '%s' has unknown value %d", f->name, v);
        return 0;
    }
    case PROTOBUF_C_TYPE_MESSAGE: {
        const ProtobufCMessage *sub = *(const ProtobufCMessage *const *)member;
        return sub ? wire_validate(sub, err) : 0;
    }
    default:
        return 0;
    }
}

static int read_varint(const uint8_t *p, size_t len, size_t *i, uint64_t *out)
{
    uint64_t v = 0;

    for (int shift = 0; shift < 64 && *i < len; shift += 7) {
        uint8_t b = p[(*i)++];
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 0;
        }
    }
    return LAB_E_PARSE;
}

/* Walk the raw encoding of a message of type @d; refuse string fields holding a NUL. */
static int scan_for_nul(const uint8_t *p, size_t len, const ProtobufCMessageDescriptor *d,
                        int depth, struct lab_err *err)
{
    size_t i = 0;

    if (depth > 16)
        return lab_errf(err, LAB_E_PARSE, "message nests too deeply");
    while (i < len) {
        uint64_t tag, n;
        const ProtobufCFieldDescriptor *f;

        if (read_varint(p, len, &i, &tag) < 0)
            return lab_errf(err, LAB_E_PARSE, "message is not a valid lab.v1 envelope");
        switch (tag & 7) {
        case 0:
            if (read_varint(p, len, &i, &n) < 0)
                return lab_errf(err, LAB_E_PARSE, "message is not a valid lab.v1 envelope");
            break;
        case 1:
            i += 8;
            break;
        case 5:
            i += 4;
            break;
        case 2:
            if (read_varint(p, len, &i, &n) < 0 || n > len - i)
                return lab_errf(err, LAB_E_PARSE, "message is not a valid lab.v1 envelope");
            f = protobuf_c_message_descriptor_get_field(d, (unsigned)(tag >> 3));
            if (f && f->type == PROTOBUF_C_TYPE_STRING && memchr(p + i, 0, n))
                return lab_errf(err, LAB_E_PARSE, "field '%s' contains a NUL byte", f->name);
            if (f && f->type == PROTOBUF_C_TYPE_MESSAGE) {
                int rc = scan_for_nul(p + i, n, f->descriptor, depth + 1, err);
                if (rc < 0)
                    return rc;
            }
            i += n;
            break;
        default:
            return lab_errf(err, LAB_E_PARSE, "message uses an unsupported wire type");
        }
    }
    return i == len ? 0 : lab_errf(err, LAB_E_PARSE, "message is not a valid lab.v1 envelope");
}

int wire_decode(const uint8_t *frame, size_t len, size_t max_frame, Envelope **out,
                struct lab_err *err)
{
    struct decode_budget budget = {.left = 8 * len + 4096};
    ProtobufCAllocator alloc = {
        .alloc = budget_alloc, .free = budget_free, .allocator_data = &budget};
    Envelope *env;
    int rc;

    *out = NULL;
    if (len > max_frame)
        return lab_errf(err, LAB_E_TOO_LARGE, "message of %zu bytes is over the %zu-byte limit",
                        len, max_frame);
    if (len == 0)
        return lab_errf(err, LAB_E_PARSE, "empty message");
    env = lab__v1__envelope__unpack(&alloc, len, frame);
    if (!env) {
        if (budget.exhausted)
            return lab_errf(err, LAB_E_TOO_LARGE, "message needs too much memory to decode");
        return lab_errf(err, LAB_E_PARSE, "message is not a valid lab.v1 envelope");
    }
    if (env->body_case == LAB__V1__ENVELOPE__BODY__NOT_SET) {
        rc = lab_errf(err, LAB_E_PARSE, "envelope has no body");
        goto fail;
    }
    rc = wire_validate(&env->base, err);
    if (rc < 0)
        goto fail;
    /* protobuf-c keeps a string with an embedded NUL, which C code would then
     * read shorter than it arrived: refuse those on the raw bytes. */
    rc = scan_for_nul(frame, len, &lab__v1__envelope__descriptor, 0, err);
    if (rc < 0)
        goto fail;
    /* The decoded envelope must be freed with plain free(): unpack with the
     * default allocator semantics, which budget_free matches. */
    *out = env;
    return 0;
fail:
    lab__v1__envelope__free_unpacked(env, &alloc);
    return rc;
}

void wire_free(Envelope *env)
{
    /* budget_free ignores its data, and the default allocator frees with
     * free() too, so NULL (the default allocator) releases either kind. */
    if (env)
        lab__v1__envelope__free_unpacked(env, NULL);
}

int wire_pack(const Envelope *env, size_t headroom, size_t max_frame, uint8_t **buf, size_t *len)
{
    size_t n = lab__v1__envelope__get_packed_size(env);
    uint8_t *b;

    *buf = NULL;
    *len = 0;
    if (n > max_frame)
        return LAB_E_TOO_LARGE;
    b = malloc(headroom + n + 1);
    if (!b)
        return LAB_E_NOMEM;
    lab__v1__envelope__pack(env, b + headroom);
    *buf = b;
    *len = n;
    return 0;
}

const char *wire_body_name(const Envelope *env)
{
    const ProtobufCFieldDescriptor *f;

    if (env->body_case == LAB__V1__ENVELOPE__BODY__NOT_SET)
        return "none";
    f = protobuf_c_message_descriptor_get_field(&lab__v1__envelope__descriptor,
                                                (unsigned)env->body_case);
    return f ? f->name : "unknown";
}

const char *wire_error_name(Lab__V1__ErrorCode code)
{
    switch (code) {
    case LAB__V1__ERROR_CODE__BAD_REQUEST:
        return "bad_request";
    case LAB__V1__ERROR_CODE__UNAUTHENTICATED:
        return "unauthenticated";
    case LAB__V1__ERROR_CODE__FORBIDDEN:
        return "forbidden";
    case LAB__V1__ERROR_CODE__NOT_FOUND:
        return "not_found";
    case LAB__V1__ERROR_CODE__RATE_LIMITED:
        return "rate_limited";
    case LAB__V1__ERROR_CODE__TOO_LARGE:
        return "too_large";
    case LAB__V1__ERROR_CODE__UNAVAILABLE:
        return "unavailable";
    case LAB__V1__ERROR_CODE__INTERNAL:
        return "internal";
    case LAB__V1__ERROR_CODE__VERSION_MISMATCH:
        return "version_mismatch";
    case LAB__V1__ERROR_CODE__CONFLICT:
        return "conflict";
    default:
        return "unspecified";
    }
}
