#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::Func;
using Halide::RVar;
using Halide::Var;

// AVX-512 has 32 registers of 16 floats, AVX2 16 of 8: the tile (TargetInfo::conv_tile)
// fills the register file with accumulators and picks lanes that waste little on cout.
//
// q8 grouped weights ([ci / 4][co][4]), uint8 input x int8 weights. With VNNI each group of
// four input channels is one vpdpbusd per vector of outputs: a weight load, a broadcast of the
// pixel's four input bytes and one instruction, the same loop as fp32's FMAs, with the same
// tile. Without VNNI x86 multiplies 16-bit pairs (pmaddwd sums two products per int32 lane),
// so each group is two pairs, summed into two accumulators per output (an rfactor over the
// pair index) that are added once at the end: widen, pmaddwd, add, 32 products per
// instruction.
//
// q8 grouped weights of 7 bits (c.pair16): each group is one pmaddubsw (its four bytes of input
// broadcast, uint8 x int8 pairs summed into int16), one pmaddwd by ones (the two pairs into
// int32) and one add per vector of outputs: no widening, one accumulator per output, so the
// tile is fp32's.
void X86Schedules::conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const {
    const int cout = cout_hint > 0 ? cout_hint : 64;
    if (c.pair16) {
        conv2d_pair16(c, t_.conv_tile(cout, width_hint));
        return;
    }
    const bool vnni = c.ci_group == 4 && t_.dot4_u8i8;
    // q8 without VNNI needs registers besides the accumulators: widened weights, and with
    // grouped weights two accumulators per output. Its tiles are those of a register file half
    // the size.
    TargetInfo half = t_;
    half.vector_registers = t_.vector_registers / 2 + 1;
    const TargetInfo::ConvTile tile = (c.q8 && !vnni ? half : t_).conv_tile(cout, width_hint);
    if (c.ci_group != 4 || vnni) {
        register_tiled_conv(c, tile);
        stage_few_channel_input(c, t_.vector_floats);
        return;
    }
    tile_conv_output(c, tile);

    const ops::Vars &v = ops::vars();
    RVar rco("rco"), rpair("rpair"), rci("rci");
    Var pair("pair"), cvo("cvo"), cvi("cvi");
    c.conv.update().split(c.r.x, rco, rpair, 4).split(rpair, rpair, rci, 2);
    Func pairs = c.conv.update().rfactor(rpair, pair);
    pairs.compute_at(c.out, Var("xo"))
        .reorder_storage(pair, v.c, v.x, v.y)
        .reorder(pair, v.c, v.x, v.y)
        .vectorize(pair)
        .split(v.c, cvo, cvi, tile.lanes)
        .vectorize(cvi)
        .unroll(cvo)
        .unroll(v.x);
    pairs.update()
        .split(v.c, cvo, cvi, tile.lanes)
        .reorder(rci, pair, cvi, cvo, v.x, rco, c.r.y, c.r.z, v.y)
        .vectorize(cvi)
        .vectorize(pair)
        .unroll(cvo)
        .unroll(v.x)
        .atomic()
        .vectorize(rci);
    c.conv.update()
        .split(v.c, cvo, cvi, tile.lanes)
        .reorder(rpair, cvi, cvo, v.x, v.y)
        .vectorize(cvi)
        .unroll(cvo)
        .unroll(v.x)
        .unroll(rpair);
}

void X86Schedules::conv2d_pair16(ops::Conv2d &c, const TargetInfo::ConvTile &tile) {
    tile_conv_output(c, tile);
    const ops::Vars &v = ops::vars();
    const std::vector<Var> args = c.pairs.args();  // (j, c, x, y, g, kx, ky)
    const Var j = args[0], g = args[4], kx = args[5], ky = args[6];
    Var cvo("cvo"), cvi("cvi");
    c.conv.update()
        .split(v.c, cvo, cvi, tile.lanes)
        .reorder(c.r.x, cvi, cvo, v.x, c.r.y, c.r.z, c.r.w, v.y)
        .atomic()
        .vectorize(c.r.x)
        .vectorize(cvi)
        .unroll(cvo)
        .unroll(v.x);
    // One vector of outputs' pairs at a time, made where the accumulators take them. The
    // pairs' saturating add is exact for these weights, which Halide cannot prove: atomic(true).
    c.pairs.compute_at(c.conv, cvo)
        .split(v.c, cvo, cvi, tile.lanes)
        .reorder(j, cvi, cvo, v.x, v.y, g, kx, ky)
        .vectorize(j)
        .vectorize(cvi);
    c.pairs.update()
        .split(v.c, cvo, cvi, tile.lanes)
        .reorder(c.rk, j, cvi, cvo, v.x, v.y, g, kx, ky)
        .atomic(true)
        .vectorize(c.rk)
        .vectorize(j)
        .vectorize(cvi);
}

}  // namespace schedules
}  // namespace ghostnet
