/*
 * wire.h — framing rules around the generated lab.v1 code.
 *
 * Everything that arrives from the network goes through wire_decode(), which
 * unpacks under a heap budget and then rejects what protobuf-c lets through:
 * no body, invalid UTF-8 in a string, enum values the schema does not name,
 * and strings with an embedded NUL (found on the raw bytes). Explicit default
 * values and repeated singular fields are valid protobuf and accepted.
 * Handlers only ever see validated envelopes.
 */
#ifndef LAB_PROTO_WIRE_H
#define LAB_PROTO_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "proto/lab.pb-c.h"
#include "common/err.h"

#define WIRE_SUBPROTOCOL "lab.v1"
#define WIRE_MINOR 3u     /* the newest minor version this build speaks (3: cases) */
#define WIRE_MIN_MINOR 0u /* the oldest minor version it still accepts */
#define WIRE_DEFAULT_MAX_FRAME (256 * 1024)

typedef Lab__V1__Envelope Envelope;

/*
 * Decode and validate one frame. Returns 0, LAB_E_TOO_LARGE (frame or decode
 * budget exceeded) or LAB_E_PARSE with @err saying why in words.
 * Ownership: on success the caller owns *@out and frees it with wire_free().
 */
int wire_decode(const uint8_t *frame, size_t len, size_t max_frame, Envelope **out,
                struct lab_err *err) LAB_MUST_USE;

void wire_free(Envelope *env);

/*
 * Pack @env into a new buffer with @headroom spare bytes in front (LWS_PRE
 * for lws_write). Returns 0, LAB_E_TOO_LARGE or LAB_E_NOMEM.
 * Ownership: the caller frees *@buf; the payload starts at *@buf + @headroom.
 */
int wire_pack(const Envelope *env, size_t headroom, size_t max_frame, uint8_t **buf,
              size_t *len) LAB_MUST_USE;

/* Check a built or decoded message: UTF-8 strings, known enums. 0 or LAB_E_PARSE. */
int wire_validate(const ProtobufCMessage *msg, struct lab_err *err);

/* Name of the body kind, for logs ("login_req"); "none" when unset. */
const char *wire_body_name(const Envelope *env);

/* Stable lowercase name of an error code, for --json output and logs. */
const char *wire_error_name(Lab__V1__ErrorCode code);

#endif
