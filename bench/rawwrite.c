/*
 * The raw write limit for bench/scale.sh: writes the same files, with the same sizes and relative
 * paths, as a site SecretAtlas built, and nothing else — no input, no model, no rendering.
 *
 *     cc -O2 -o rawwrite bench/rawwrite.c
 *     ./rawwrite LIST OUTDIR
 *
 * LIST has one line per file: its size in bytes, a tab, its path relative to the site (what
 * `find SITE -type f -printf '%s\t%P\n'` prints). Every file is created under OUTDIR (parent
 * folders made as needed), filled with that many bytes from one buffer, and closed, one after
 * another on one thread. No fsync: SecretAtlas does not fsync each page either. Prints the number
 * of files and bytes written; exits 1 with the file name on any error.
 */
#include <errno.h>
#include <fcntl.h>
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

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: rawwrite LIST OUTDIR\n");
        return 64;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) fail("cannot open", argv[1]);
    if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) fail("cannot create folder", argv[2]);

    static char buffer[CHUNK];
    memset(buffer, 'x', sizeof buffer);
    char *line = NULL;
    size_t capacity = 0;
    char path[8192];
    char last_parent[8192] = "";
    long long files = 0, bytes = 0;

    while (getline(&line, &capacity, list) > 0) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        long long size = atoll(line);
        char *name = tab + 1;
        name[strcspn(name, "\n")] = '\0';
        if (snprintf(path, sizeof path, "%s/%s", argv[2], name) >= (int)sizeof path) {
            errno = ENAMETOOLONG;
            fail("path too long:", name);
        }
        /* Files of one folder come together in the list: create each folder once. */
        char *slash = strrchr(path, '/');
        size_t parent_length = (size_t)(slash - path);
        if (strlen(last_parent) != parent_length || strncmp(last_parent, path, parent_length) != 0) {
            make_parents(path);
            memcpy(last_parent, path, parent_length);
            last_parent[parent_length] = '\0';
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) fail("cannot create", path);
        for (long long left = size; left > 0;) {
            ssize_t n = write(fd, buffer, left < CHUNK ? (size_t)left : CHUNK);
            if (n < 0) fail("cannot write", path);
            left -= n;
        }
        if (close(fd) != 0) fail("cannot close", path);
        files++;
        bytes += size;
    }
    free(line);
    fclose(list);
    printf("wrote %lld files, %lld bytes\n", files, bytes);
    return 0;
}
