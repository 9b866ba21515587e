/*
 * Runs a fuzz harness over files without libFuzzer, so the main build (gcc, no
 * clang) replays every seed and every past crash as a regression test.
 * Usage: replay FILE|DIR...
 * Exits non-zero when no input at all was replayed or an input could not be read.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    uint8_t *data = NULL;
    size_t size = 0;
    size_t capacity = 0;
    for (;;) {
        if (size == capacity) {
            capacity = capacity ? capacity * 2 : 4096;
            uint8_t *grown = realloc(data, capacity);
            if (grown == NULL) {
                free(data);
                fclose(f);
                return -1;
            }
            data = grown;
        }
        size_t n = fread(data + size, 1, capacity - size, f);
        if (n == 0) {
            break;
        }
        size += n;
    }
    fclose(f);
    /* An exact-size copy, so that ASan sees a read one past the input. */
    uint8_t *exact = malloc(size ? size : 1);
    if (exact != NULL) {
        memcpy(exact, data, size);
        LLVMFuzzerTestOneInput(exact, size);
        free(exact);
    }
    free(data);
    return 0;
}

int main(int argc, char **argv) {
    int files = 0;
    int unreadable = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            /* A harness with no past crash has no regressions/<name>/ folder: say so, and go on. */
            printf("%s: absent\n", argv[i]);
            continue;
        }
        int before = files;
        if (!S_ISDIR(st.st_mode)) {
            if (replay_file(argv[i]) == 0) {
                files++;
            } else {
                unreadable++;
            }
        } else {
            DIR *dir = opendir(argv[i]);
            if (dir == NULL) {
                perror(argv[i]);
                unreadable++;
            }
            struct dirent *e;
            while (dir != NULL && (e = readdir(dir)) != NULL) {
                if (e->d_name[0] == '.') {
                    continue;
                }
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
                if (replay_file(path) == 0) {
                    files++;
                } else {
                    unreadable++;
                }
            }
            if (dir != NULL) {
                closedir(dir);
            }
        }
        printf("%s: %d inputs\n", argv[i], files - before);
    }
    printf("replayed %d inputs\n", files);
    /* Replaying nothing proves nothing (a moved corpus, a misspelled folder): that is a failure. */
    if (files == 0) {
        fprintf(stderr, "replay: no input replayed\n");
        return 2;
    }
    if (unreadable > 0) {
        fprintf(stderr, "replay: %d inputs could not be read\n", unreadable);
        return 1;
    }
    return 0;
}
