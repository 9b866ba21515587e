/*
 * The C showcase: a C program using Apache Commons CSV, a Java library from Maven Central, through
 * libjavabridge. Its jars are loaded at run time from a folder ("dir/\*") by a class loader made
 * after the JVM is up; the program reads a static field (CSVFormat.DEFAULT), parses CSV text,
 * gets the records back as an Object[] and each record's values as a String[], computes in C,
 * and has the library write CSV into a java.lang.Appendable implemented in C (CSVPrinter calls
 * the C handler for every piece it appends).
 *
 * Run:    ./csv_example JARS_DIR FILE.csv   (JARS_DIR holds commons-csv and its dependencies:
 *         the Maven build copies them into target/showcase-jars)
 * Prints the header, one line per record, the total population, and the library's CSV output.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <javabridge/javabridge.h>

#define FORMAT "org.apache.commons.csv.CSVFormat"
#define BUILDER "org.apache.commons.csv.CSVFormat$Builder"
#define PARSER "org.apache.commons.csv.CSVParser"
#define RECORD "org.apache.commons.csv.CSVRecord"
#define PRINTER "org.apache.commons.csv.CSVPrinter"
#define L_FORMAT "Lorg/apache/commons/csv/CSVFormat;"
#define L_BUILDER "Lorg/apache/commons/csv/CSVFormat$Builder;"

/* What the C Appendable collects: the library's output, as UTF-8. */
typedef struct sink {
    char *text;
    size_t len, cap;
    unsigned calls;
    uint16_t high; /* a high surrogate appended alone, waiting for its pair */
    jb_object *self;
    jb_method *to_string;
} sink;

static int put(sink *s, const char *data, size_t n) {
    if (s->len + n + 1 > s->cap) {
        size_t cap = (s->len + n + 1) * 2;
        char *t = realloc(s->text, cap);
        if (t == NULL) return JB_ENOMEM;
        s->text = t;
        s->cap = cap;
    }
    memcpy(s->text + s->len, data, n);
    s->len += n;
    s->text[s->len] = '\0';
    return JB_OK;
}

/* One UTF-16 code unit from append(char): pairs of surrogates become one UTF-8 sequence. */
static int put_unit(sink *s, uint16_t u) {
    uint32_t cp = u;
    if (u >= 0xD800 && u < 0xDC00) {
        s->high = u;
        return JB_OK;
    }
    if (u >= 0xDC00 && u < 0xE000 && s->high != 0) {
        cp = 0x10000 + (((uint32_t)s->high - 0xD800) << 10) + (u - 0xDC00);
    }
    s->high = 0;
    char b[4];
    size_t n;
    if (cp < 0x80) { b[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { b[0] = (char)(0xC0 | cp >> 6); b[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) { b[0] = (char)(0xE0 | cp >> 12); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
    else { b[0] = (char)(0xF0 | cp >> 18); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
    return put(s, b, n);
}

/* The byte offset in UTF-8 text of UTF-16 index units (Java's CharSequence indices): a
 * character of 4 UTF-8 bytes is two UTF-16 units. len + 1 (out of range) past the end. */
static size_t utf8_offset(const char *text, size_t len, size_t units) {
    size_t at = 0;
    while (units > 0 && at < len) {
        unsigned char c = (unsigned char)text[at];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        size_t u = n == 4 ? 2 : 1;
        if (u > units) return len + 1; /* inside a surrogate pair */
        units -= u;
        at += n;
    }
    return units == 0 ? at : len + 1;
}

/* java.lang.Appendable in C: append(CharSequence), append(CharSequence, int, int), append(char). */
static int appendable(jb_proxy_call *call, void *user_data) {
    sink *s = user_data;
    if (strcmp(jb_proxy_call_method(call), "append") != 0) {
        return JB_PROXY_UNHANDLED; /* equals, hashCode, toString */
    }
    s->calls++;
    jb_arg a;
    int rc = jb_proxy_call_arg(call, 0, &a);
    if (rc != JB_OK) return rc;
    if (a.type == JB_ARG_UINT16) {
        rc = put_unit(s, a.u.u16);
    } else {
        char *text = NULL;
        size_t len = 4; /* a null CharSequence appends "null", as Appendable says */
        if (a.type == JB_ARG_STRING) {
            text = (char *)a.u.str.data;
            len = a.u.str.len;
        } else if (a.type == JB_ARG_OBJECT) {
            if ((rc = jb_call_instance_string(s->to_string, a.u.obj, NULL, 0, &text, &len)) != JB_OK) return rc;
        }
        const char *from = text != NULL ? text : "null";
        size_t start = 0, end = len;
        if (jb_proxy_call_arg_count(call) == 3) {
            jb_arg st, en;
            if (jb_proxy_call_arg(call, 1, &st) != JB_OK || jb_proxy_call_arg(call, 2, &en) != JB_OK) return JB_EINVAL;
            start = utf8_offset(from, len, (size_t)st.u.i32);
            end = utf8_offset(from, len, (size_t)en.u.i32);
        }
        rc = end <= len && start <= end ? put(s, from + start, end - start) : JB_ERANGE;
        if (a.type == JB_ARG_OBJECT) jb_string_free(text);
    }
    if (rc != JB_OK) {
        jb_proxy_call_throw(call, "java.io.IOException", "the C sink failed");
        return rc;
    }
    return jb_proxy_call_return(call, jb_arg_object(s->self)); /* Appendable returns itself */
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *t = realloc(buf, cap);
            if (t == NULL) { free(buf); fclose(f); return NULL; }
            buf = t;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (buf == NULL && (buf = malloc(1)) == NULL) return NULL;
    buf[len] = '\0';
    return buf;
}

#define CHECK(what, call)                                                                                   \
    do {                                                                                                    \
        int rc_ = (call);                                                                                   \
        if (rc_ != JB_OK) {                                                                                 \
            fprintf(stderr, "%s failed: %s: %s\n", what, jb_error_name(rc_), jb_error_message());           \
            goto out;                                                                                       \
        }                                                                                                   \
    } while (0)

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s JARS_DIR FILE.csv\n", argv[0]);
        return 2;
    }
    char *csv = read_file(argv[2]);
    if (csv == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 2;
    }
    char jars[4096];
    snprintf(jars, sizeof jars, "%s/*", argv[1]);
    const char *paths[] = {jars};
    int status = 1;
    jb_vm *vm = NULL;
    jb_loader *loader = NULL;
    jb_field *default_field = NULL;
    jb_method *builder = NULL, *set_header = NULL, *skip_header = NULL, *get = NULL, *parse = NULL,
              *headers = NULL, *records = NULL, *to_array = NULL, *to_array0 = NULL, *values = NULL, *number = NULL, *new_printer = NULL,
              *print = NULL, *flush = NULL;
    jb_object *format = NULL, *b = NULL, *header_format = NULL, *parser = NULL, *list = NULL, *array = NULL,
              *printer = NULL, *out_object = NULL;
    jb_proxy *proxy = NULL;
    sink s = {0};
    char **names = NULL;
    size_t name_count = 0;

    CHECK("jb_vm_open", jb_vm_open(NULL, &vm));
    CHECK("jb_loader_new", jb_loader_new(paths, 1, &loader));
    CHECK("find CSVFormat.DEFAULT", jb_loader_find_field_static(loader, FORMAT, "DEFAULT", L_FORMAT, &default_field));
    CHECK("read CSVFormat.DEFAULT", jb_field_get_object(default_field, NULL, &format));

    /* CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get(): the first record names the columns. */
    CHECK("find builder", jb_loader_find_instance(loader, FORMAT, "builder", "()" L_BUILDER, &builder));
    CHECK("find setHeader", jb_loader_find_instance(loader, BUILDER, "setHeader", "([Ljava/lang/String;)" L_BUILDER, &set_header));
    CHECK("find setSkipHeaderRecord", jb_loader_find_instance(loader, BUILDER, "setSkipHeaderRecord", "(Z)" L_BUILDER, &skip_header));
    CHECK("find get", jb_loader_find_instance(loader, BUILDER, "get", "()" L_FORMAT, &get));
    jb_object *tmp = NULL;
    CHECK("builder()", jb_call_instance_object(builder, format, NULL, 0, &b));
    static const char *const none[1] = {NULL};
    jb_arg empty_names = jb_arg_strings(none, 0); /* a String[0]: NULL data would pass null */
    CHECK("setHeader()", jb_call_instance_object(set_header, b, &empty_names, 1, &tmp));
    jb_object_free(tmp);
    jb_arg yes = jb_arg_bool(true);
    CHECK("setSkipHeaderRecord(true)", jb_call_instance_object(skip_header, b, &yes, 1, &tmp));
    jb_object_free(tmp);
    CHECK("get()", jb_call_instance_object(get, b, NULL, 0, &header_format));

    CHECK("find CSVParser.parse", jb_loader_find_static(loader, PARSER, "parse", "(Ljava/lang/String;" L_FORMAT ")Lorg/apache/commons/csv/CSVParser;", &parse));
    jb_arg parse_args[] = {jb_arg_string(csv), jb_arg_object(header_format)};
    CHECK("CSVParser.parse", jb_call_static_object(parse, parse_args, 2, &parser));

    /* The header names: List<String>.toArray(new String[0]) as a C array of strings. */
    CHECK("find getHeaderNames", jb_loader_find_instance(loader, PARSER, "getHeaderNames", "()Ljava/util/List;", &headers));
    CHECK("find List.toArray", jb_method_find_instance("java.util.List", "toArray", "([Ljava/lang/Object;)[Ljava/lang/Object;", &to_array));
    CHECK("getHeaderNames()", jb_call_instance_object(headers, parser, NULL, 0, &list));
    CHECK("toArray", jb_call_instance_strings(to_array, list, &empty_names, 1, &names, &name_count));
    jb_object_free(list);
    list = NULL;
    printf("columns:");
    for (size_t i = 0; i < name_count; i++) printf(" %s", names[i]);
    printf("\n");

    /* The records: getRecords().toArray(new Object[0]), read by index; each record's values() a String[]. */
    CHECK("find getRecords", jb_loader_find_instance(loader, PARSER, "getRecords", "()Ljava/util/List;", &records));
    CHECK("find values", jb_loader_find_instance(loader, RECORD, "values", "()[Ljava/lang/String;", &values));
    CHECK("find getRecordNumber", jb_loader_find_instance(loader, RECORD, "getRecordNumber", "()J", &number));
    CHECK("getRecords()", jb_call_instance_object(records, parser, NULL, 0, &list));
    CHECK("find List.toArray()", jb_method_find_instance("java.util.List", "toArray", "()[Ljava/lang/Object;", &to_array0));
    CHECK("toArray()", jb_call_instance_object(to_array0, list, NULL, 0, &array));
    size_t count = 0;
    CHECK("jb_array_length", jb_array_length(array, &count));
    printf("records: %zu\n", count);

    CHECK("jb_method_find_instance toString", jb_method_find_instance("java.lang.Object", "toString", "()Ljava/lang/String;", &s.to_string));
    const char *appendable_name = "java.lang.Appendable";
    CHECK("jb_proxy_new", jb_proxy_new(&appendable_name, 1, appendable, &s, &proxy, &out_object));
    s.self = out_object;
    CHECK("find CSVPrinter", jb_loader_find_constructor(loader, PRINTER, "(Ljava/lang/Appendable;" L_FORMAT ")V", &new_printer));
    CHECK("find printRecord", jb_loader_find_instance(loader, PRINTER, "printRecord", "([Ljava/lang/Object;)V", &print));
    CHECK("find flush", jb_loader_find_instance(loader, PRINTER, "flush", "()V", &flush));
    jb_arg printer_args[] = {jb_arg_object(out_object), jb_arg_object(format)};
    CHECK("new CSVPrinter", jb_call_new(new_printer, printer_args, 2, &printer));
    const char *title[] = {"name", "people_per_km2"};
    jb_arg title_arg = jb_arg_strings(title, 2);
    CHECK("printRecord", jb_call_instance_void(print, printer, &title_arg, 1));

    int64_t total = 0;
    for (size_t i = 0; i < count; i++) {
        jb_object *record = NULL;
        char **v = NULL;
        size_t n = 0;
        int64_t line = 0;
        CHECK("jb_object_array_get", jb_object_array_get(array, i, &record));
        int rc = jb_call_instance_strings(values, record, NULL, 0, &v, &n);
        if (rc == JB_OK) rc = jb_call_instance_int64(number, record, NULL, 0, &line);
        jb_object_free(record);
        CHECK("values()", rc);
        if (n != 4) {
            fprintf(stderr, "record %zu has %zu values, not 4\n", i, n);
            jb_strings_free(v, n);
            goto out;
        }
        int64_t people = strtoll(v[2], NULL, 10);
        double area = strtod(v[3], NULL);
        total += people;
        char density[64];
        snprintf(density, sizeof density, "%.1f", area > 0 ? (double)people / area : 0.0);
        printf("record %" PRId64 ": %s | %s | %" PRId64 " | %s\n", line, v[0], v[1], people, density);
        const char *row[] = {v[0], density};
        jb_arg row_arg = jb_arg_strings(row, 2);
        rc = jb_call_instance_void(print, printer, &row_arg, 1);
        jb_strings_free(v, n);
        CHECK("printRecord", rc);
    }
    CHECK("flush", jb_call_instance_void(flush, printer, NULL, 0));
    printf("total population: %" PRId64 "\n", total);
    printf("CSVPrinter wrote through the C Appendable (%u calls):\n%s", s.calls, s.text != NULL ? s.text : "");
    status = 0;
out:
    jb_strings_free(names, name_count);
    jb_object *objects[] = {format, b, header_format, parser, list, array, printer, out_object};
    for (size_t i = 0; i < sizeof objects / sizeof *objects; i++) jb_object_free(objects[i]);
    jb_method *methods[] = {builder, set_header, skip_header, get, parse, headers, records, to_array, to_array0, values,
                            number, new_printer, print, flush, s.to_string};
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) jb_method_free(methods[i]);
    jb_field_free(default_field);
    jb_proxy_free(proxy);
    jb_loader_free(loader);
    jb_vm_close(vm);
    free(s.text);
    free(csv);
    return status;
}
