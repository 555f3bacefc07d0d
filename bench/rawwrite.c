/*
 * The raw write limit for bench/scale.sh: writes the same files, with the same sizes and relative
 * paths, as a site SecretAtlas built, and nothing else — no input, no model, no rendering.
 *
 *     cc -O2 -pthread -o rawwrite bench/rawwrite.c
 *     ./rawwrite LIST OUTDIR [THREADS]
 *
 * LIST has one line per file: its size in bytes, a tab, its path relative to the site (what
 * `find SITE -type f -printf '%s\t%P\n'` prints). Every file is created under OUTDIR (parent
 * folders made as needed), filled with that many bytes from one buffer, and closed. THREADS
 * (default 1) threads share the list, thread t taking every line i with i % THREADS == t, so the
 * file system's work is spread over the cores as SecretAtlas spreads its own. No fsync: SecretAtlas
 * does not fsync each page either. Prints the number of files and bytes written; exits 1 with the
 * file name on any error.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHUNK = 1 << 20 };

static void fail(const char *what, const char *path) {
    fprintf(stderr, "rawwrite: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

/* mkdir -p for every parent folder of path (which is writable: the trailing name is cut off). */
static void make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) fail("cannot create folder", path);
        *p = '/';
    }
}

typedef struct {
    long long size;
    char *name;
} Entry;

static Entry *entries;
static size_t entry_count;
static const char *out_dir;
static int thread_count = 1;
static char buffer[CHUNK];

static void *write_share(void *arg) {
    long t = (long)arg;
    char path[8192];
    char last_parent[8192] = "";
    for (size_t i = (size_t)t; i < entry_count; i += (size_t)thread_count) {
        if (snprintf(path, sizeof path, "%s/%s", out_dir, entries[i].name) >= (int)sizeof path) {
            errno = ENAMETOOLONG;
            fail("path too long:", entries[i].name);
        }
        /* Files of one folder come together in the list: create each folder once per thread. */
        char *slash = strrchr(path, '/');
        size_t parent_length = (size_t)(slash - path);
        if (strlen(last_parent) != parent_length || strncmp(last_parent, path, parent_length) != 0) {
            make_parents(path);
            memcpy(last_parent, path, parent_length);
            last_parent[parent_length] = '\0';
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) fail("cannot create", path);
        for (long long left = entries[i].size; left > 0;) {
            ssize_t n = write(fd, buffer, left < CHUNK ? (size_t)left : CHUNK);
            if (n < 0) fail("cannot write", path);
            left -= n;
        }
        if (close(fd) != 0) fail("cannot close", path);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: rawwrite LIST OUTDIR [THREADS]\n");
        return 64;
    }
    if (argc == 4) thread_count = atoi(argv[3]);
    if (thread_count < 1 || thread_count > 256) {
        fprintf(stderr, "rawwrite: THREADS must be 1 to 256\n");
        return 64;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) fail("cannot open", argv[1]);
    out_dir = argv[2];
    if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) fail("cannot create folder", out_dir);
    memset(buffer, 'x', sizeof buffer);

    /* Read the whole list first, so only writing is left for the threads. */
    size_t capacity = 1024;
    entries = malloc(capacity * sizeof *entries);
    char *line = NULL;
    size_t line_capacity = 0;
    long long bytes = 0;
    while (getline(&line, &line_capacity, list) > 0) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        char *name = tab + 1;
        name[strcspn(name, "\n")] = '\0';
        if (entry_count == capacity) {
            capacity *= 2;
            entries = realloc(entries, capacity * sizeof *entries);
        }
        if (!entries || !(name = strdup(name))) fail("out of memory reading", argv[1]);
        entries[entry_count++] = (Entry){atoll(line), name};
        bytes += atoll(line);
    }
    free(line);
    fclose(list);

    pthread_t threads[256];
    for (long t = 0; t < thread_count; t++)
        if (pthread_create(&threads[t], NULL, write_share, (void *)t) != 0) fail("cannot start thread for", out_dir);
    for (long t = 0; t < thread_count; t++) pthread_join(threads[t], NULL);
    printf("wrote %zu files, %lld bytes, %d thread%s\n", entry_count, bytes, thread_count, thread_count == 1 ? "" : "s");
    return 0;
}
