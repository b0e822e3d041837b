/* The part of QEMU's TCG plugin interface (API version 1, QEMU 7.2) that hexagon/hvx_work.c uses,
   declared from QEMU's documentation (docs/devel/tcg-plugins.rst): Debian 12 ships qemu-hexagon
   with plugin support but no qemu-plugin.h. QEMU loads the plugin with dlopen, reads its
   `qemu_plugin_version` and calls its `qemu_plugin_install`. */
#ifndef GHOSTNET_QEMU_PLUGIN_API_H
#define GHOSTNET_QEMU_PLUGIN_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GHOSTNET_QEMU_PLUGIN_VERSION 1
#define GHOSTNET_QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;

typedef struct {
    const char *target_name;
    struct {
        int min;
        int cur;
    } version;
    bool system_emulation;
    union {
        struct {
            int smp_vcpus;
            int max_vcpus;
        } system;
    };
} qemu_info_t;

enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op, void *ptr,
                                              uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
/* The disassembly of one guest instruction; on Hexagon, of one whole packet. Freed by the caller. */
char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn);
/* The ELF symbol holding the instruction, or NULL. */
const char *qemu_plugin_insn_symbol(const struct qemu_plugin_insn *insn);

#endif
