/* hvx_work: a QEMU plugin that counts the work a Hexagon program executes under qemu-hexagon,
   deterministically (the same program and input give the same counts on any machine):
     qemu-hexagon -plugin libhvx_work.so,out=COUNTS.tsv PROGRAM ARGS...
   Counted per executed packet (a Hexagon packet issues in one cycle when nothing stalls, so
   packets are the cycle count of an ideal DSP): the packets, the instructions in them and the
   HVX instructions among those, attributed to the ELF function holding the packet (Halide
   puts each parallel loop of a stage in a function of its own, `<pipeline>_par_for_<stage>...`).
   An instruction is one slot's work: immext (a constant extender) and nop are not counted. It
   is HVX when it names a vector (V0..V31, pairs V1:0) or vector predicate (Q0..Q3) register or
   is a vector memory access (vmem, vgather, vscatter). Not modelled: stalls, memory latency
   (DDR, VTCM, caches), the DSP's hardware threads.
   COUNTS.tsv, written at exit: a header line, then "function<TAB>packets<TAB>instructions<TAB>
   hvx_instructions", first the total (function "*"), then each function, most packets first.
   Guest threads are counted without synchronization: count single-threaded programs. */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu_plugin_api.h"

GHOSTNET_QEMU_PLUGIN_EXPORT int qemu_plugin_version = GHOSTNET_QEMU_PLUGIN_VERSION;

/* One translated block: what one execution of it does, and how often it ran. */
typedef struct Block {
    uint64_t executions; /* incremented by the translated code itself (inline) */
    uint64_t packets, instructions, hvx;
    const char *function;
    struct Block *next;
} Block;

static Block *blocks;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;
static char *out_path;

static int is_hvx(const char *insn) {
    if (strstr(insn, "vmem") || strstr(insn, "vgather") || strstr(insn, "vscatter")) return 1;
    for (const char *p = insn; *p; p++)
        if ((*p == 'V' || *p == 'Q') && isdigit((unsigned char)p[1]) && (p == insn || !isalnum((unsigned char)p[-1])))
            return 1;
    return 0;
}

/* `s` without packet braces and surrounding white space. */
static char *trim(char *s) {
    for (char *c = s; *c; c++)
        if (*c == '{' || *c == '}') *c = ' ';
    while (isspace((unsigned char)*s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

/* Adds the instructions of one packet's disassembly (QEMU writes "0xWORD\t{\tinsn; insn" then
   "\n0xADDR:  0xWORD\t\tinsn }  :endloop0" per further word) to *instructions and *hvx. */
static void count_packet(char *text, uint64_t *instructions, uint64_t *hvx) {
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (p[0] == '0' && p[1] == 'x') { /* an address ("0x...:") and/or the encoding word */
            char *end = p + strcspn(p, " \t");
            if (end > p && end[-1] == ':') {
                p = end + strspn(end, " \t");
                end = p + strcspn(p, " \t");
            }
            p = end;
        }
        for (char *seg = p; seg;) {
            char *semi = strchr(seg, ';');
            if (semi) *semi = '\0';
            char *loop_end = strstr(seg, ":endloop");
            if (loop_end) *loop_end = '\0';
            seg = trim(seg);
            if (*seg && strncmp(seg, "immext", 6) != 0 && strcmp(seg, "nop") != 0) {
                (*instructions)++;
                *hvx += is_hvx(seg);
            }
            seg = semi ? semi + 1 : NULL;
        }
    }
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
    (void)id;
    Block *b = calloc(1, sizeof(Block));
    if (!b) return;
    b->packets = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < b->packets; i++) {
        const struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        if (i == 0) b->function = qemu_plugin_insn_symbol(insn);
        char *text = qemu_plugin_insn_disas(insn);
        if (text) count_packet(text, &b->instructions, &b->hvx);
        free(text);
    }
    if (!b->function) b->function = "?";
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &b->executions, 1);
    pthread_mutex_lock(&blocks_lock);
    b->next = blocks;
    blocks = b;
    pthread_mutex_unlock(&blocks_lock);
}

typedef struct {
    const char *function;
    uint64_t packets, instructions, hvx;
} Row;

static int most_packets_first(const void *a, const void *b) {
    const Row *x = a, *y = b;
    if (x->packets != y->packets) return x->packets < y->packets ? 1 : -1;
    return strcmp(x->function, y->function);
}

static void on_exit_write(qemu_plugin_id_t id, void *unused) {
    (void)id;
    (void)unused;
    size_t n = 0, cap = 64;
    Row *rows = calloc(cap, sizeof(Row));
    Row total = {"*", 0, 0, 0};
    for (const Block *b = blocks; b && rows; b = b->next) {
        if (!b->executions) continue;
        size_t i = 0;
        while (i < n && strcmp(rows[i].function, b->function) != 0) i++;
        if (i == n) {
            if (n == cap) {
                Row *more = realloc(rows, 2 * cap * sizeof(Row));
                if (!more) break;
                rows = more;
                cap *= 2;
            }
            rows[n++] = (Row){b->function, 0, 0, 0};
        }
        rows[i].packets += b->executions * b->packets;
        rows[i].instructions += b->executions * b->instructions;
        rows[i].hvx += b->executions * b->hvx;
        total.packets += b->executions * b->packets;
        total.instructions += b->executions * b->instructions;
        total.hvx += b->executions * b->hvx;
    }
    FILE *f = fopen(out_path, "w");
    if (!f) {
        fprintf(stderr, "hvx_work: cannot write %s\n", out_path);
        return;
    }
    fprintf(f, "function\tpackets\tinstructions\thvx_instructions\n");
    fprintf(f, "%s\t%llu\t%llu\t%llu\n", total.function, (unsigned long long)total.packets,
            (unsigned long long)total.instructions, (unsigned long long)total.hvx);
    if (rows) {
        qsort(rows, n, sizeof(Row), most_packets_first);
        for (size_t i = 0; i < n; i++)
            fprintf(f, "%s\t%llu\t%llu\t%llu\n", rows[i].function, (unsigned long long)rows[i].packets,
                    (unsigned long long)rows[i].instructions, (unsigned long long)rows[i].hvx);
    }
    if (fclose(f) != 0) fprintf(stderr, "hvx_work: cannot write %s\n", out_path);
    free(rows);
}

GHOSTNET_QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
                                                    char **argv) {
    if (!info || !info->target_name || strcmp(info->target_name, "hexagon") != 0) {
        fprintf(stderr, "hvx_work: counts Hexagon packets; this QEMU runs %s\n",
                info && info->target_name ? info->target_name : "another target");
        return -1;
    }
    for (int i = 0; i < argc; i++)
        if (strncmp(argv[i], "out=", 4) == 0 && argv[i][4]) out_path = argv[i] + 4;
    if (!out_path) {
        fprintf(stderr, "hvx_work: give the counts file: -plugin libhvx_work.so,out=COUNTS.tsv\n");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_exit_write, NULL);
    return 0;
}
