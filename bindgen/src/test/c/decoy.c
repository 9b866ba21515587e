/*
 * decoy: a library that exports a function of texts.h's name with another result, loaded beside the
 * texts binding by TextsSymbolClashTest: the FFM path must still call the texts library's own function.
 */
#include <stddef.h>

size_t texts_length(const char *s);

size_t texts_length(const char *s) {
    (void)s;
    return 424242;
}
