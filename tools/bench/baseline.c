/*
 * The raw-LMDB baseline of the benchmark suite (docs/performance.md).
 *
 * It does the minimum a ledger must do with the same JSON Lines file: parse each line
 * (cJSON), store it by big-endian seq with MDB_APPEND, index its id with
 * MDB_NOOVERWRITE and its case (or claim) with MDB_DUPSORT, in durable transactions of
 * 1000 lines; then scan every stored event parsing it again; then look streams up in the
 * case index. No validation, no hashing, no projections: the floor the ledger is
 * measured against.
 *
 *   baseline ingest  DIR FILE           -> {"events":N,"seconds":S}
 *   baseline scan    DIR                -> {"events":N,"seconds":S}
 *   baseline lookups DIR COUNT SEED     -> {"lookups":N,"events":E,"seconds":S}
 */
#include <cjson/cJSON.h>
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHECK(call) do { int rc_ = (call); if (rc_ != 0) { fprintf(stderr, "%s: %s\n", #call, mdb_strerror(rc_)); exit(74); } } while (0)
#define BATCH 1000
#define LINE_MAX_BYTES (64 * 1024)

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void be64(uint64_t value, unsigned char out[8]) {
    for (int i = 7; i >= 0; i--) { out[i] = value & 0xff; value >>= 8; }
}

static void open_env(const char *dir, MDB_env **env, MDB_dbi *events, MDB_dbi *ids, MDB_dbi *cases) {
    CHECK(mdb_env_create(env));
    CHECK(mdb_env_set_maxdbs(*env, 4));
    CHECK(mdb_env_set_mapsize(*env, (size_t)64 << 30)); /* fixed and large: no growth logic here */
    CHECK(mdb_env_open(*env, dir, 0, 0644));
    MDB_txn *txn;
    CHECK(mdb_txn_begin(*env, NULL, 0, &txn));
    CHECK(mdb_dbi_open(txn, "events", MDB_CREATE, events));
    CHECK(mdb_dbi_open(txn, "ids", MDB_CREATE, ids));
    CHECK(mdb_dbi_open(txn, "cases", MDB_CREATE | MDB_DUPSORT | MDB_DUPFIXED, cases));
    CHECK(mdb_txn_commit(txn));
}

static const char *stream_key(cJSON *root) {
    cJSON *c = cJSON_GetObjectItemCaseSensitive(root, "case");
    if (cJSON_IsString(c)) return c->valuestring;
    cJSON *data = cJSON_GetObjectItemCaseSensitive(root, "data");
    cJSON *claim = data ? cJSON_GetObjectItemCaseSensitive(data, "claim") : NULL;
    return cJSON_IsString(claim) ? claim->valuestring : NULL;
}

static int ingest(const char *dir, const char *path) {
    MDB_env *env; MDB_dbi events, ids, cases;
    open_env(dir, &env, &events, &ids, &cases);
    FILE *file = fopen(path, "r");
    if (!file) { perror(path); return 66; }
    char *line = malloc(LINE_MAX_BYTES + 2);
    uint64_t seq = 0;
    double start = now();
    MDB_txn *txn = NULL;
    while (fgets(line, LINE_MAX_BYTES + 2, file)) {
        size_t length = strlen(line);
        if (length && line[length - 1] == '\n') line[--length] = 0;
        if (!length) continue;
        cJSON *root = cJSON_ParseWithLength(line, length);
        if (!root) continue;
        cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
        const char *stream = stream_key(root);
        if (!cJSON_IsString(id)) { cJSON_Delete(root); continue; }
        if (!txn) CHECK(mdb_txn_begin(env, NULL, 0, &txn));
        unsigned char key[8];
        be64(++seq, key);
        MDB_val k = { 8, key }, v = { length, line };
        CHECK(mdb_put(txn, events, &k, &v, MDB_APPEND));
        MDB_val idk = { strlen(id->valuestring), id->valuestring }, idv = { 8, key };
        int rc = mdb_put(txn, ids, &idk, &idv, MDB_NOOVERWRITE);
        if (rc != 0 && rc != MDB_KEYEXIST) CHECK(rc);
        if (stream) {
            MDB_val ck = { strlen(stream), (void *)stream }, cv = { 8, key };
            CHECK(mdb_put(txn, cases, &ck, &cv, 0));
        }
        cJSON_Delete(root);
        if (seq % BATCH == 0) { CHECK(mdb_txn_commit(txn)); txn = NULL; }
    }
    if (txn) CHECK(mdb_txn_commit(txn));
    double seconds = now() - start;
    printf("{\"events\":%llu,\"seconds\":%.3f}\n", (unsigned long long)seq, seconds);
    fclose(file); free(line); mdb_env_close(env);
    return 0;
}

static int scan(const char *dir) {
    MDB_env *env; MDB_dbi events, ids, cases;
    open_env(dir, &env, &events, &ids, &cases);
    double start = now();
    MDB_txn *txn; MDB_cursor *cursor; MDB_val k, v;
    CHECK(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn));
    CHECK(mdb_cursor_open(txn, events, &cursor));
    uint64_t count = 0, types = 0;
    while (mdb_cursor_get(cursor, &k, &v, count ? MDB_NEXT : MDB_FIRST) == 0) {
        cJSON *root = cJSON_ParseWithLength(v.mv_data, v.mv_size);
        if (root && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "type"))) types++;
        cJSON_Delete(root);
        count++;
    }
    mdb_cursor_close(cursor); mdb_txn_abort(txn);
    double seconds = now() - start;
    printf("{\"events\":%llu,\"parsed\":%llu,\"seconds\":%.3f}\n", (unsigned long long)count, (unsigned long long)types, seconds);
    mdb_env_close(env);
    return 0;
}

static uint64_t rng_state;
static uint64_t next_random(void) {
    rng_state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = rng_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int lookups(const char *dir, long count, unsigned long long seed) {
    MDB_env *env; MDB_dbi events, ids, cases;
    open_env(dir, &env, &events, &ids, &cases);
    MDB_txn *txn; MDB_cursor *cursor; MDB_val k, v;
    CHECK(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn));
    CHECK(mdb_cursor_open(txn, cases, &cursor));
    size_t capacity = 1024, keys = 0;
    char **names = malloc(capacity * sizeof(char *));
    for (int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT_NODUP)) {
        if (keys == capacity) { capacity *= 2; names = realloc(names, capacity * sizeof(char *)); }
        names[keys] = strndup(k.mv_data, k.mv_size);
        keys++;
    }
    mdb_txn_abort(txn);
    rng_state = seed;
    uint64_t read = 0;
    double start = now();
    for (long i = 0; i < count; i++) {
        /* One read transaction a lookup, as a CLI or HTTP read would do. */
        const char *name = names[next_random() % keys];
        CHECK(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn));
        CHECK(mdb_cursor_open(txn, cases, &cursor));
        MDB_val key = { strlen(name), (void *)name };
        for (int rc = mdb_cursor_get(cursor, &key, &v, MDB_SET); rc == 0; rc = mdb_cursor_get(cursor, &key, &v, MDB_NEXT_DUP)) {
            MDB_val event;
            CHECK(mdb_get(txn, events, &v, &event));
            cJSON *root = cJSON_ParseWithLength(event.mv_data, event.mv_size);
            cJSON_Delete(root);
            read++;
        }
        mdb_cursor_close(cursor);
        mdb_txn_abort(txn);
    }
    double seconds = now() - start;
    printf("{\"lookups\":%ld,\"events\":%llu,\"seconds\":%.3f}\n", count, (unsigned long long)read, seconds);
    mdb_env_close(env);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && !strcmp(argv[1], "ingest")) return ingest(argv[2], argv[3]);
    if (argc == 3 && !strcmp(argv[1], "scan")) return scan(argv[2]);
    if (argc == 5 && !strcmp(argv[1], "lookups")) return lookups(argv[2], atol(argv[3]), strtoull(argv[4], NULL, 10));
    fprintf(stderr, "usage: baseline ingest DIR FILE | scan DIR | lookups DIR COUNT SEED\n");
    return 64;
}
