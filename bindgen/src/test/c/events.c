/* The events test library (events.h): plain C that calls function pointers, as C libraries do. */
#include "events.h"

#include <pthread.h>
#include <stdio.h>

static const char *const labels[] = {"zero", "caf\xc3\xa9", "\xf0\x9f\x98\x80 smile"};

int ev_visit(int32_t count, ev_visit_fn fn, void *user_data) {
    char other[32];
    for (int32_t i = 0; i < count; i++) {
        const char *label = labels[i % 3];
        if (i >= 3) {
            snprintf(other, sizeof other, "item %d", (int)i);
            label = other;
        }
        int r = fn(user_data, i, label);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

int ev_visit_words(const char *text, ev_visit_fn fn, void *user_data) {
    char word[64];
    int32_t index = 0;
    while (*text != '\0') {
        size_t n = 0;
        while (text[n] != '\0' && text[n] != ' ' && n < sizeof word - 1) {
            word[n] = text[n];
            n++;
        }
        word[n] = '\0';
        int r = fn(user_data, index++, word);
        if (r != 0) {
            return r;
        }
        text += n;
        while (*text == ' ') {
            text++;
        }
    }
    return 0;
}

typedef struct job {
    int32_t count;
    ev_visit_fn fn;
    void *user_data;
    int result;
} job;

static void *run(void *arg) {
    job *j = arg;
    j->result = ev_visit(j->count, j->fn, j->user_data);
    return NULL;
}

int ev_visit_on_thread(int32_t count, ev_visit_fn fn, void *user_data) {
    job j = {count, fn, user_data, 0};
    pthread_t t;
    if (pthread_create(&t, NULL, run, &j) != 0) {
        return -1;
    }
    pthread_join(t, NULL);
    return j.result;
}

static ev_notify_fn kept;
static void *kept_data;

void ev_register(ev_notify_fn fn, void *user_data) {
    kept = fn;
    kept_data = user_data;
}

int ev_fire(double value) {
    if (kept == NULL) {
        return 0;
    }
    kept(value, kept_data);
    return 1;
}

int ev_apply_plain(ev_plain_fn fn, int value) {
    return fn(value);
}
