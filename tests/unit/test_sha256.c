/*
** test_sha256.c -- SHA-256 against the FIPS 180-4 / NIST example vectors,
** the padding boundaries (55, 56, 63, 64, 65, 119, 120 bytes), and the
** incremental interface fed in every split and byte by byte.
*/
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sha256.h"

static int hex_is(const void *data, size_t len, const char *want) {
  char got[65];
  sha256_hex(data, len, got);
  if (strcmp(got, want) == 0) return 1;
  fprintf(stderr, "  got  %s\n  want %s\n", got, want);
  return 0;
}

static void test_nist(void) {
  static const char s448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  static const char s896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                             "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
  CHECK(hex_is("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK(hex_is(NULL, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK(hex_is("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  CHECK(hex_is(s448, strlen(s448),
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
  CHECK(hex_is(s896, strlen(s896),
               "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"));
}

static void test_million_a(void) {
  const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  char *a = malloc(1000000);
  CHECK(a != NULL);
  if (!a) return;
  memset(a, 'a', 1000000);
  CHECK(hex_is(a, 1000000, want));
  free(a);
  sha256_ctx c; /* the same in 1000 updates of 1000 bytes */
  unsigned char d[32];
  char hex[65], chunk[1000];
  memset(chunk, 'a', sizeof chunk);
  sha256_init(&c);
  for (int i = 0; i < 1000; i++) sha256_update(&c, chunk, sizeof chunk);
  sha256_final(&c, d);
  sha256_to_hex(d, hex);
  CHECK(strcmp(hex, want) == 0);
}

/* Lengths either side of the padding limits: 55 bytes pad in one block,
** 56..63 need a second, 64 is exactly one block. */
static void test_padding_boundaries(void) {
  static const struct {
    size_t n;
    const char *hex;
  } v[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  char a[128];
  memset(a, 'a', sizeof a);
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    CHECKF(hex_is(a, v[i].n, v[i].hex), "%zu x 'a'", v[i].n);
}

/* 1000 bytes (i*31+7 mod 256), digest from Python's hashlib, fed in two
** pieces split at every offset and byte by byte. */
static void test_incremental(void) {
  const char *want = "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179";
  unsigned char data[1000], d[32];
  char hex[65];
  for (size_t i = 0; i < sizeof data; i++) data[i] = (unsigned char)((i * 31 + 7) & 255);
  CHECK(hex_is(data, sizeof data, want));
  int bad = 0;
  for (size_t cut = 0; cut <= sizeof data; cut++) {
    sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, data, cut);
    sha256_update(&c, data + cut, sizeof data - cut);
    sha256_final(&c, d);
    sha256_to_hex(d, hex);
    if (strcmp(hex, want) != 0 && bad++ == 0) fprintf(stderr, "  split at %zu differs\n", cut);
  }
  CHECKF(bad == 0, "%d splits differ", bad);
  sha256_ctx c;
  sha256_init(&c);
  for (size_t i = 0; i < sizeof data; i++) sha256_update(&c, data + i, 1);
  sha256_final(&c, d);
  sha256_to_hex(d, hex);
  CHECK(strcmp(hex, want) == 0);
}

int main(void) {
  test_nist();
  test_million_a();
  test_padding_boundaries();
  test_incremental();
  return CHECK_DONE();
}
