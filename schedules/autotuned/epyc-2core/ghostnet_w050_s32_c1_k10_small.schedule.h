// Kept by ghostnet-autotune: the fastest of its Adams2019 schedules for ghostnet_w050_s32_c1_k10_small
// on device 'epyc-2core' (x86-64-linux-avx-avx2-avx512-avx512_cannonlake-avx512_sapphirerapids-avx512_skylake-f16c-fma-sse41), 1.364 ms there.
// ghostnet_w050_s32_c1_k10_small.json beside this file records the run. Built with -DGHOSTNET_DEVICE=epyc-2core
// or ghostnet-generate --schedule device:epyc-2core. Machine generated: tune again rather than edit.
#ifndef GHOSTNET_autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small_H
#define GHOSTNET_autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small_H

#include "autotuned_schedule.h"

namespace ghostnet {
namespace schedules {
namespace autotuned {

inline void apply_autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small(
    ::Halide::Pipeline pipeline,
    ::Halide::Target target
) {
    using ::Halide::Func;
    using ::Halide::MemoryType;
    using ::Halide::RVar;
    using ::Halide::TailStrategy;
    using ::Halide::Var;
    Func logits = pipeline.get_func(544);
    Func classifier = pipeline.get_func(543);
    Func classifier_acc = pipeline.get_func(542);
    Func conv_head = pipeline.get_func(541);
    Func conv_head_acc = pipeline.get_func(540);
    Func head_pool = pipeline.get_func(539);
    Func head_pool_sum = pipeline.get_func(538);
    Func head_conv = pipeline.get_func(537);
    Func head_conv_conv = pipeline.get_func(536);
    Func blocks_9_0_conv_weight_b = pipeline.get_func(535);
    Func blocks_9_0_conv_weight = pipeline.get_func(534);
    Func blocks_8_3 = pipeline.get_func(533);
    Func blocks_8_3_ghost2 = pipeline.get_func(532);
    Func blocks_8_3_ghost2_cheap = pipeline.get_func(531);
    Func blocks_8_3_ghost2_cheap_padded = pipeline.get_func(530);
    Func constant_exterior_40 = pipeline.get_func(529);
    Func repeat_edge_40 = pipeline.get_func(528);
    Func blocks_8_3_ghost2_primary = pipeline.get_func(527);
    Func blocks_8_3_ghost2_primary_conv = pipeline.get_func(526);
    Func blocks_8_3_se = pipeline.get_func(525);
    Func blocks_8_3_se_gate = pipeline.get_func(524);
    Func blocks_8_3_se_expand = pipeline.get_func(523);
    Func blocks_8_3_se_expand_acc = pipeline.get_func(522);
    Func blocks_8_3_se_reduce = pipeline.get_func(521);
    Func blocks_8_3_se_reduce_acc = pipeline.get_func(520);
    Func blocks_8_3_se_pool = pipeline.get_func(519);
    Func blocks_8_3_se_pool_sum = pipeline.get_func(518);
    Func blocks_8_3_se_conv_reduce_weight_b = pipeline.get_func(517);
    Func blocks_8_3_se_conv_reduce_weight = pipeline.get_func(516);
    Func blocks_8_3_se_conv_expand_weight_b = pipeline.get_func(515);
    Func blocks_8_3_se_conv_expand_weight = pipeline.get_func(514);
    Func blocks_8_3_ghost1_1 = pipeline.get_func(513);
    Func blocks_8_3_ghost1_cheap = pipeline.get_func(512);
    Func blocks_8_3_ghost1_cheap_padded = pipeline.get_func(511);
    Func constant_exterior_39 = pipeline.get_func(510);
    Func repeat_edge_39 = pipeline.get_func(509);
    Func blocks_8_3_ghost1_primary = pipeline.get_func(508);
    Func blocks_8_3_ghost1_primary_conv = pipeline.get_func(507);
    Func blocks_8_3_ghost1_primary_conv_0_weight_b = pipeline.get_func(506);
    Func blocks_8_3_ghost1_primary_conv_0_weight_1 = pipeline.get_func(505);
    Func blocks_8_3_ghost1_cheap_operation_0_weight_b = pipeline.get_func(504);
    Func blocks_8_3_ghost1_cheap_operation_0_weight = pipeline.get_func(503);
    Func blocks_8_3_ghost2_primary_conv_0_weight_b = pipeline.get_func(502);
    Func blocks_8_3_ghost2_primary_conv_0_weight = pipeline.get_func(501);
    Func blocks_8_3_ghost2_cheap_operation_0_weight_b = pipeline.get_func(500);
    Func blocks_8_3_ghost2_cheap_operation_0_weight = pipeline.get_func(499);
    Func blocks_8_2 = pipeline.get_func(498);
    Func blocks_8_2_ghost2 = pipeline.get_func(497);
    Func blocks_8_2_ghost2_cheap = pipeline.get_func(496);
    Func blocks_8_2_ghost2_cheap_padded = pipeline.get_func(495);
    Func constant_exterior_38 = pipeline.get_func(494);
    Func repeat_edge_38 = pipeline.get_func(493);
    Func blocks_8_2_ghost2_primary_1 = pipeline.get_func(492);
    Func blocks_8_2_ghost2_primary_conv = pipeline.get_func(491);
    Func blocks_8_2_ghost2_primary_conv_0_weight_b = pipeline.get_func(490);
    Func blocks_8_2_ghost2_primary_conv_0_weight = pipeline.get_func(489);
    Func blocks_8_2_ghost1 = pipeline.get_func(488);
    Func blocks_8_2_ghost1_cheap = pipeline.get_func(487);
    Func blocks_8_2_ghost1_cheap_padded = pipeline.get_func(486);
    Func constant_exterior_37 = pipeline.get_func(485);
    Func repeat_edge_37 = pipeline.get_func(484);
    Func blocks_8_2_ghost1_primary = pipeline.get_func(483);
    Func blocks_8_2_ghost1_primary_conv = pipeline.get_func(482);
    Func blocks_8_2_ghost1_primary_conv_0_weight_b = pipeline.get_func(481);
    Func blocks_8_2_ghost1_primary_conv_0_weight = pipeline.get_func(480);
    Func blocks_8_2_ghost1_cheap_operation_0_weight_b = pipeline.get_func(479);
    Func blocks_8_2_ghost1_cheap_operation_0_weight = pipeline.get_func(478);
    Func blocks_8_2_ghost2_cheap_operation_0_weight_b = pipeline.get_func(477);
    Func blocks_8_2_ghost2_cheap_operation_0_weight = pipeline.get_func(476);
    Func blocks_8_1 = pipeline.get_func(475);
    Func blocks_8_1_ghost2 = pipeline.get_func(474);
    Func blocks_8_1_ghost2_cheap = pipeline.get_func(473);
    Func blocks_8_1_ghost2_cheap_padded = pipeline.get_func(472);
    Func constant_exterior_36 = pipeline.get_func(471);
    Func repeat_edge_36 = pipeline.get_func(470);
    Func blocks_8_1_ghost2_primary = pipeline.get_func(469);
    Func blocks_8_1_ghost2_primary_conv = pipeline.get_func(468);
    Func blocks_8_1_se = pipeline.get_func(467);
    Func blocks_8_1_se_gate = pipeline.get_func(466);
    Func blocks_8_1_se_expand = pipeline.get_func(465);
    Func blocks_8_1_se_expand_acc = pipeline.get_func(464);
    Func blocks_8_1_se_reduce = pipeline.get_func(463);
    Func blocks_8_1_se_reduce_acc = pipeline.get_func(462);
    Func blocks_8_1_se_pool = pipeline.get_func(461);
    Func blocks_8_1_se_pool_sum = pipeline.get_func(460);
    Func blocks_8_1_se_conv_reduce_weight_b = pipeline.get_func(459);
    Func blocks_8_1_se_conv_reduce_weight_1 = pipeline.get_func(458);
    Func blocks_8_1_se_conv_expand_weight_b = pipeline.get_func(457);
    Func blocks_8_1_se_conv_expand_weight = pipeline.get_func(456);
    Func blocks_8_1_ghost1 = pipeline.get_func(455);
    Func blocks_8_1_ghost1_cheap = pipeline.get_func(454);
    Func blocks_8_1_ghost1_cheap_padded = pipeline.get_func(453);
    Func constant_exterior_35 = pipeline.get_func(452);
    Func repeat_edge_35 = pipeline.get_func(451);
    Func blocks_8_1_ghost1_primary = pipeline.get_func(450);
    Func blocks_8_1_ghost1_primary_conv = pipeline.get_func(449);
    Func blocks_8_1_ghost1_primary_conv_0_weight_b = pipeline.get_func(448);
    Func blocks_8_1_ghost1_primary_conv_0_weight = pipeline.get_func(447);
    Func blocks_8_1_ghost1_cheap_operation_0_weight_b = pipeline.get_func(446);
    Func blocks_8_1_ghost1_cheap_operation_0_weight = pipeline.get_func(445);
    Func blocks_8_1_ghost2_primary_conv_0_weight_b = pipeline.get_func(444);
    Func blocks_8_1_ghost2_primary_conv_0_weight = pipeline.get_func(443);
    Func blocks_8_1_ghost2_cheap_operation_0_weight_b = pipeline.get_func(442);
    Func blocks_8_1_ghost2_cheap_operation_0_weight = pipeline.get_func(441);
    Func blocks_8_0 = pipeline.get_func(440);
    Func blocks_8_0_ghost2 = pipeline.get_func(439);
    Func blocks_8_0_ghost2_cheap = pipeline.get_func(438);
    Func blocks_8_0_ghost2_cheap_padded = pipeline.get_func(437);
    Func constant_exterior_34 = pipeline.get_func(436);
    Func repeat_edge_34 = pipeline.get_func(435);
    Func blocks_8_0_ghost2_primary = pipeline.get_func(434);
    Func blocks_8_0_ghost2_primary_conv = pipeline.get_func(433);
    Func blocks_8_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(432);
    Func blocks_8_0_ghost2_primary_conv_0_weight = pipeline.get_func(431);
    Func blocks_8_0_ghost1 = pipeline.get_func(430);
    Func blocks_8_0_ghost1_cheap = pipeline.get_func(429);
    Func blocks_8_0_ghost1_cheap_padded = pipeline.get_func(428);
    Func constant_exterior_33 = pipeline.get_func(427);
    Func repeat_edge_33 = pipeline.get_func(426);
    Func blocks_8_0_ghost1_primary = pipeline.get_func(425);
    Func blocks_8_0_ghost1_primary_conv = pipeline.get_func(424);
    Func blocks_8_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(423);
    Func blocks_8_0_ghost1_primary_conv_0_weight = pipeline.get_func(422);
    Func blocks_8_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(421);
    Func blocks_8_0_ghost1_cheap_operation_0_weight = pipeline.get_func(420);
    Func blocks_8_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(419);
    Func blocks_8_0_ghost2_cheap_operation_0_weight = pipeline.get_func(418);
    Func blocks_7_0 = pipeline.get_func(417);
    Func blocks_7_0_shortcut_pw = pipeline.get_func(416);
    Func blocks_7_0_shortcut_pw_conv = pipeline.get_func(415);
    Func blocks_7_0_shortcut_dw = pipeline.get_func(414);
    Func blocks_7_0_shortcut_dw_padded = pipeline.get_func(413);
    Func constant_exterior_32 = pipeline.get_func(412);
    Func repeat_edge_32 = pipeline.get_func(411);
    Func blocks_7_0_shortcut_0_weight_b = pipeline.get_func(410);
    Func blocks_7_0_shortcut_0_weight = pipeline.get_func(409);
    Func blocks_7_0_shortcut_2_weight_b = pipeline.get_func(408);
    Func blocks_7_0_shortcut_2_weight = pipeline.get_func(407);
    Func blocks_7_0_ghost2 = pipeline.get_func(406);
    Func blocks_7_0_ghost2_cheap = pipeline.get_func(405);
    Func blocks_7_0_ghost2_cheap_padded = pipeline.get_func(404);
    Func constant_exterior_31 = pipeline.get_func(403);
    Func repeat_edge_31 = pipeline.get_func(402);
    Func blocks_7_0_ghost2_primary = pipeline.get_func(401);
    Func blocks_7_0_ghost2_primary_conv = pipeline.get_func(400);
    Func blocks_7_0_se = pipeline.get_func(399);
    Func blocks_7_0_se_gate = pipeline.get_func(398);
    Func blocks_7_0_se_expand = pipeline.get_func(397);
    Func blocks_7_0_se_expand_acc = pipeline.get_func(396);
    Func blocks_7_0_se_reduce = pipeline.get_func(395);
    Func blocks_7_0_se_reduce_acc = pipeline.get_func(394);
    Func blocks_7_0_se_pool = pipeline.get_func(393);
    Func blocks_7_0_se_pool_sum = pipeline.get_func(392);
    Func blocks_7_0_se_conv_reduce_weight_b = pipeline.get_func(391);
    Func blocks_7_0_se_conv_reduce_weight = pipeline.get_func(390);
    Func blocks_7_0_se_conv_expand_weight_b = pipeline.get_func(389);
    Func blocks_7_0_se_conv_expand_weight = pipeline.get_func(388);
    Func blocks_7_0_ghost1 = pipeline.get_func(387);
    Func blocks_7_0_ghost1_cheap = pipeline.get_func(386);
    Func blocks_7_0_ghost1_cheap_padded = pipeline.get_func(385);
    Func constant_exterior_30 = pipeline.get_func(384);
    Func repeat_edge_30 = pipeline.get_func(383);
    Func blocks_7_0_ghost1_primary = pipeline.get_func(382);
    Func blocks_7_0_ghost1_primary_conv = pipeline.get_func(381);
    Func blocks_7_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(380);
    Func blocks_7_0_ghost1_primary_conv_0_weight = pipeline.get_func(379);
    Func blocks_6_4_1 = pipeline.get_func(378);
    Func blocks_6_4_ghost2 = pipeline.get_func(377);
    Func blocks_6_4_ghost2_cheap = pipeline.get_func(376);
    Func blocks_6_4_ghost2_cheap_padded = pipeline.get_func(375);
    Func constant_exterior_29 = pipeline.get_func(374);
    Func repeat_edge_29 = pipeline.get_func(373);
    Func blocks_6_4_ghost2_primary = pipeline.get_func(372);
    Func blocks_6_4_ghost2_primary_conv = pipeline.get_func(371);
    Func blocks_6_4_se = pipeline.get_func(370);
    Func blocks_6_4_se_gate = pipeline.get_func(369);
    Func blocks_6_4_se_expand = pipeline.get_func(368);
    Func blocks_6_4_se_expand_acc = pipeline.get_func(367);
    Func blocks_6_4_se_reduce = pipeline.get_func(366);
    Func blocks_6_4_se_reduce_acc = pipeline.get_func(365);
    Func blocks_6_4_se_pool = pipeline.get_func(364);
    Func blocks_6_4_se_pool_sum = pipeline.get_func(363);
    Func blocks_6_4_se_conv_reduce_weight_b = pipeline.get_func(362);
    Func blocks_6_4_se_conv_reduce_weight = pipeline.get_func(361);
    Func blocks_6_4_se_conv_expand_weight_b = pipeline.get_func(360);
    Func blocks_6_4_se_conv_expand_weight = pipeline.get_func(359);
    Func blocks_6_4_ghost1 = pipeline.get_func(358);
    Func blocks_6_4_ghost1_cheap = pipeline.get_func(357);
    Func blocks_6_4_ghost1_cheap_padded = pipeline.get_func(356);
    Func constant_exterior_28 = pipeline.get_func(355);
    Func repeat_edge_28 = pipeline.get_func(354);
    Func blocks_6_4_ghost1_primary = pipeline.get_func(353);
    Func blocks_6_4_ghost1_primary_conv = pipeline.get_func(352);
    Func blocks_6_4_ghost1_primary_conv_0_weight_b = pipeline.get_func(351);
    Func blocks_6_4_ghost1_primary_conv_0_weight = pipeline.get_func(350);
    Func blocks_6_4_ghost1_cheap_operation_0_weight_b = pipeline.get_func(349);
    Func blocks_6_4_ghost1_cheap_operation_0_weight = pipeline.get_func(348);
    Func blocks_6_4_ghost2_primary_conv_0_weight_b = pipeline.get_func(347);
    Func blocks_6_4_ghost2_primary_conv_0_weight = pipeline.get_func(346);
    Func blocks_6_4_ghost2_cheap_operation_0_weight_b = pipeline.get_func(345);
    Func blocks_6_4_ghost2_cheap_operation_0_weight = pipeline.get_func(344);
    Func blocks_6_3 = pipeline.get_func(343);
    Func blocks_6_3_shortcut_pw = pipeline.get_func(342);
    Func blocks_6_3_shortcut_pw_conv = pipeline.get_func(341);
    Func blocks_6_3_shortcut_dw = pipeline.get_func(340);
    Func blocks_6_3_shortcut_dw_padded = pipeline.get_func(339);
    Func constant_exterior_27 = pipeline.get_func(338);
    Func repeat_edge_27 = pipeline.get_func(337);
    Func blocks_6_3_shortcut_0_weight_b = pipeline.get_func(336);
    Func blocks_6_3_shortcut_0_weight = pipeline.get_func(335);
    Func blocks_6_3_shortcut_2_weight_b = pipeline.get_func(334);
    Func blocks_6_3_shortcut_2_weight = pipeline.get_func(333);
    Func blocks_6_3_ghost2 = pipeline.get_func(332);
    Func blocks_6_3_ghost2_cheap = pipeline.get_func(331);
    Func blocks_6_3_ghost2_cheap_padded = pipeline.get_func(330);
    Func constant_exterior_26 = pipeline.get_func(329);
    Func repeat_edge_26 = pipeline.get_func(328);
    Func blocks_6_3_ghost2_primary = pipeline.get_func(327);
    Func blocks_6_3_ghost2_primary_conv = pipeline.get_func(326);
    Func blocks_6_3_se = pipeline.get_func(325);
    Func blocks_6_3_se_gate = pipeline.get_func(324);
    Func blocks_6_3_se_expand = pipeline.get_func(323);
    Func blocks_6_3_se_expand_acc = pipeline.get_func(322);
    Func blocks_6_3_se_reduce = pipeline.get_func(321);
    Func blocks_6_3_se_reduce_acc = pipeline.get_func(320);
    Func blocks_6_3_se_pool = pipeline.get_func(319);
    Func blocks_6_3_se_pool_sum = pipeline.get_func(318);
    Func blocks_6_3_se_conv_reduce_weight_b = pipeline.get_func(317);
    Func blocks_6_3_se_conv_reduce_weight = pipeline.get_func(316);
    Func blocks_6_3_se_conv_expand_weight_b = pipeline.get_func(315);
    Func blocks_6_3_se_conv_expand_weight = pipeline.get_func(314);
    Func blocks_6_3_ghost1 = pipeline.get_func(313);
    Func blocks_6_3_ghost1_cheap = pipeline.get_func(312);
    Func blocks_6_3_ghost1_cheap_padded = pipeline.get_func(311);
    Func constant_exterior_25 = pipeline.get_func(310);
    Func repeat_edge_25 = pipeline.get_func(309);
    Func blocks_6_3_ghost1_primary = pipeline.get_func(308);
    Func blocks_6_3_ghost1_primary_conv = pipeline.get_func(307);
    Func blocks_6_3_ghost1_primary_conv_0_weight_b_1 = pipeline.get_func(306);
    Func blocks_6_3_ghost1_primary_conv_0_weight = pipeline.get_func(305);
    Func blocks_6_2 = pipeline.get_func(304);
    Func blocks_6_2_ghost2 = pipeline.get_func(303);
    Func blocks_6_2_ghost2_cheap = pipeline.get_func(302);
    Func blocks_6_2_ghost2_cheap_padded = pipeline.get_func(301);
    Func constant_exterior_24 = pipeline.get_func(300);
    Func repeat_edge_24 = pipeline.get_func(299);
    Func blocks_6_2_ghost2_primary = pipeline.get_func(298);
    Func blocks_6_2_ghost2_primary_conv_1 = pipeline.get_func(297);
    Func blocks_6_2_ghost2_primary_conv_0_weight_b = pipeline.get_func(296);
    Func blocks_6_2_ghost2_primary_conv_0_weight = pipeline.get_func(295);
    Func blocks_6_2_ghost1 = pipeline.get_func(294);
    Func blocks_6_2_ghost1_cheap = pipeline.get_func(293);
    Func blocks_6_2_ghost1_cheap_padded = pipeline.get_func(292);
    Func constant_exterior_23 = pipeline.get_func(291);
    Func repeat_edge_23 = pipeline.get_func(290);
    Func blocks_6_2_ghost1_primary = pipeline.get_func(289);
    Func blocks_6_2_ghost1_primary_conv = pipeline.get_func(288);
    Func blocks_6_2_ghost1_primary_conv_0_weight_b = pipeline.get_func(287);
    Func blocks_6_2_ghost1_primary_conv_0_weight = pipeline.get_func(286);
    Func blocks_6_2_ghost1_cheap_operation_0_weight_b = pipeline.get_func(285);
    Func blocks_6_2_ghost1_cheap_operation_0_weight = pipeline.get_func(284);
    Func blocks_6_2_ghost2_cheap_operation_0_weight_b = pipeline.get_func(283);
    Func blocks_6_2_ghost2_cheap_operation_0_weight = pipeline.get_func(282);
    Func blocks_6_1 = pipeline.get_func(281);
    Func blocks_6_1_ghost2 = pipeline.get_func(280);
    Func blocks_6_1_ghost2_cheap = pipeline.get_func(279);
    Func blocks_6_1_ghost2_cheap_padded = pipeline.get_func(278);
    Func constant_exterior_22 = pipeline.get_func(277);
    Func repeat_edge_22 = pipeline.get_func(276);
    Func blocks_6_1_ghost2_primary_1 = pipeline.get_func(275);
    Func blocks_6_1_ghost2_primary_conv = pipeline.get_func(274);
    Func blocks_6_1_ghost2_primary_conv_0_weight_b = pipeline.get_func(273);
    Func blocks_6_1_ghost2_primary_conv_0_weight = pipeline.get_func(272);
    Func blocks_6_1_ghost1 = pipeline.get_func(271);
    Func blocks_6_1_ghost1_cheap_1 = pipeline.get_func(270);
    Func blocks_6_1_ghost1_cheap_padded = pipeline.get_func(269);
    Func constant_exterior_21 = pipeline.get_func(268);
    Func repeat_edge_21 = pipeline.get_func(267);
    Func blocks_6_1_ghost1_primary = pipeline.get_func(266);
    Func blocks_6_1_ghost1_primary_conv = pipeline.get_func(265);
    Func blocks_6_1_ghost1_primary_conv_0_weight_b = pipeline.get_func(264);
    Func blocks_6_1_ghost1_primary_conv_0_weight = pipeline.get_func(263);
    Func blocks_6_1_ghost1_cheap_operation_0_weight_b = pipeline.get_func(262);
    Func blocks_6_1_ghost1_cheap_operation_0_weight = pipeline.get_func(261);
    Func blocks_6_1_ghost2_cheap_operation_0_weight_b = pipeline.get_func(260);
    Func blocks_6_1_ghost2_cheap_operation_0_weight = pipeline.get_func(259);
    Func blocks_6_0 = pipeline.get_func(258);
    Func blocks_6_0_ghost2 = pipeline.get_func(257);
    Func blocks_6_0_ghost2_cheap = pipeline.get_func(256);
    Func blocks_6_0_ghost2_cheap_padded = pipeline.get_func(255);
    Func constant_exterior_20 = pipeline.get_func(254);
    Func repeat_edge_20 = pipeline.get_func(253);
    Func blocks_6_0_ghost2_primary = pipeline.get_func(252);
    Func blocks_6_0_ghost2_primary_conv = pipeline.get_func(251);
    Func blocks_6_0_ghost2_primary_conv_0_weight_b_1 = pipeline.get_func(250);
    Func blocks_6_0_ghost2_primary_conv_0_weight = pipeline.get_func(249);
    Func blocks_6_0_ghost1 = pipeline.get_func(248);
    Func blocks_6_0_ghost1_cheap = pipeline.get_func(247);
    Func blocks_6_0_ghost1_cheap_padded = pipeline.get_func(246);
    Func constant_exterior_19 = pipeline.get_func(245);
    Func repeat_edge_19 = pipeline.get_func(244);
    Func blocks_6_0_ghost1_primary = pipeline.get_func(243);
    Func blocks_6_0_ghost1_primary_conv = pipeline.get_func(242);
    Func blocks_6_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(241);
    Func blocks_6_0_ghost1_primary_conv_0_weight = pipeline.get_func(240);
    Func blocks_6_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(239);
    Func blocks_6_0_ghost1_cheap_operation_0_weight = pipeline.get_func(238);
    Func blocks_6_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(237);
    Func blocks_6_0_ghost2_cheap_operation_0_weight = pipeline.get_func(236);
    Func blocks_5_0 = pipeline.get_func(235);
    Func blocks_5_0_shortcut_pw = pipeline.get_func(234);
    Func blocks_5_0_shortcut_pw_conv = pipeline.get_func(233);
    Func blocks_5_0_shortcut_dw = pipeline.get_func(232);
    Func blocks_5_0_shortcut_dw_padded = pipeline.get_func(231);
    Func constant_exterior_18 = pipeline.get_func(230);
    Func repeat_edge_18 = pipeline.get_func(229);
    Func blocks_5_0_shortcut_0_weight_b = pipeline.get_func(228);
    Func blocks_5_0_shortcut_0_weight = pipeline.get_func(227);
    Func blocks_5_0_shortcut_2_weight_b = pipeline.get_func(226);
    Func blocks_5_0_shortcut_2_weight = pipeline.get_func(225);
    Func blocks_5_0_ghost2 = pipeline.get_func(224);
    Func blocks_5_0_ghost2_cheap = pipeline.get_func(223);
    Func blocks_5_0_ghost2_cheap_padded = pipeline.get_func(222);
    Func constant_exterior_17 = pipeline.get_func(221);
    Func repeat_edge_17 = pipeline.get_func(220);
    Func blocks_5_0_ghost2_primary = pipeline.get_func(219);
    Func blocks_5_0_ghost2_primary_conv = pipeline.get_func(218);
    Func blocks_5_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(217);
    Func blocks_5_0_ghost2_primary_conv_0_weight = pipeline.get_func(216);
    Func blocks_5_0_dw = pipeline.get_func(215);
    Func blocks_5_0_dw_padded = pipeline.get_func(214);
    Func constant_exterior_16 = pipeline.get_func(213);
    Func repeat_edge_16 = pipeline.get_func(212);
    Func blocks_5_0_ghost1 = pipeline.get_func(211);
    Func blocks_5_0_ghost1_cheap = pipeline.get_func(210);
    Func blocks_5_0_ghost1_cheap_padded = pipeline.get_func(209);
    Func constant_exterior_15 = pipeline.get_func(208);
    Func repeat_edge_15 = pipeline.get_func(207);
    Func blocks_5_0_ghost1_primary = pipeline.get_func(206);
    Func blocks_5_0_ghost1_primary_conv = pipeline.get_func(205);
    Func blocks_5_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(204);
    Func blocks_5_0_ghost1_primary_conv_0_weight = pipeline.get_func(203);
    Func blocks_4_0 = pipeline.get_func(202);
    Func blocks_4_0_ghost2 = pipeline.get_func(201);
    Func blocks_4_0_ghost2_cheap = pipeline.get_func(200);
    Func blocks_4_0_ghost2_cheap_padded = pipeline.get_func(199);
    Func constant_exterior_14 = pipeline.get_func(198);
    Func repeat_edge_14 = pipeline.get_func(197);
    Func blocks_4_0_ghost2_primary = pipeline.get_func(196);
    Func blocks_4_0_ghost2_primary_conv = pipeline.get_func(195);
    Func blocks_4_0_se = pipeline.get_func(194);
    Func blocks_4_0_se_gate = pipeline.get_func(193);
    Func blocks_4_0_se_expand = pipeline.get_func(192);
    Func blocks_4_0_se_expand_acc = pipeline.get_func(191);
    Func blocks_4_0_se_reduce = pipeline.get_func(190);
    Func blocks_4_0_se_reduce_acc = pipeline.get_func(189);
    Func blocks_4_0_se_pool = pipeline.get_func(188);
    Func blocks_4_0_se_pool_sum = pipeline.get_func(187);
    Func blocks_4_0_se_conv_reduce_weight_b = pipeline.get_func(186);
    Func blocks_4_0_se_conv_reduce_weight = pipeline.get_func(185);
    Func blocks_4_0_se_conv_expand_weight_b = pipeline.get_func(184);
    Func blocks_4_0_se_conv_expand_weight = pipeline.get_func(183);
    Func blocks_4_0_ghost1 = pipeline.get_func(182);
    Func blocks_4_0_ghost1_cheap = pipeline.get_func(181);
    Func blocks_4_0_ghost1_cheap_padded = pipeline.get_func(180);
    Func constant_exterior_13 = pipeline.get_func(179);
    Func repeat_edge_13 = pipeline.get_func(178);
    Func blocks_4_0_ghost1_primary = pipeline.get_func(177);
    Func blocks_4_0_ghost1_primary_conv = pipeline.get_func(176);
    Func blocks_4_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(175);
    Func blocks_4_0_ghost1_primary_conv_0_weight = pipeline.get_func(174);
    Func blocks_4_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(173);
    Func blocks_4_0_ghost1_cheap_operation_0_weight = pipeline.get_func(172);
    Func blocks_4_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(171);
    Func blocks_4_0_ghost2_primary_conv_0_weight = pipeline.get_func(170);
    Func blocks_4_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(169);
    Func blocks_4_0_ghost2_cheap_operation_0_weight = pipeline.get_func(168);
    Func blocks_3_0 = pipeline.get_func(167);
    Func blocks_3_0_shortcut_pw = pipeline.get_func(166);
    Func blocks_3_0_shortcut_pw_conv = pipeline.get_func(165);
    Func blocks_3_0_shortcut_dw = pipeline.get_func(164);
    Func blocks_3_0_shortcut_dw_padded = pipeline.get_func(163);
    Func constant_exterior_12 = pipeline.get_func(162);
    Func repeat_edge_12 = pipeline.get_func(161);
    Func blocks_3_0_shortcut_0_weight_b = pipeline.get_func(160);
    Func blocks_3_0_shortcut_0_weight = pipeline.get_func(159);
    Func blocks_3_0_shortcut_2_weight_b = pipeline.get_func(158);
    Func blocks_3_0_shortcut_2_weight = pipeline.get_func(157);
    Func blocks_3_0_ghost2 = pipeline.get_func(156);
    Func blocks_3_0_ghost2_cheap = pipeline.get_func(155);
    Func blocks_3_0_ghost2_cheap_padded = pipeline.get_func(154);
    Func constant_exterior_11 = pipeline.get_func(153);
    Func repeat_edge_11 = pipeline.get_func(152);
    Func blocks_3_0_ghost2_primary = pipeline.get_func(151);
    Func blocks_3_0_ghost2_primary_conv = pipeline.get_func(150);
    Func blocks_3_0_se = pipeline.get_func(149);
    Func blocks_3_0_se_gate = pipeline.get_func(148);
    Func blocks_3_0_se_expand = pipeline.get_func(147);
    Func blocks_3_0_se_expand_acc = pipeline.get_func(146);
    Func blocks_3_0_se_reduce = pipeline.get_func(145);
    Func blocks_3_0_se_reduce_acc = pipeline.get_func(144);
    Func blocks_3_0_se_pool = pipeline.get_func(143);
    Func blocks_3_0_se_pool_sum = pipeline.get_func(142);
    Func blocks_3_0_se_conv_reduce_weight_b = pipeline.get_func(141);
    Func blocks_3_0_se_conv_reduce_weight = pipeline.get_func(140);
    Func blocks_3_0_se_conv_expand_weight_b = pipeline.get_func(139);
    Func blocks_3_0_se_conv_expand_weight = pipeline.get_func(138);
    Func blocks_3_0_dw = pipeline.get_func(137);
    Func blocks_3_0_dw_padded = pipeline.get_func(136);
    Func constant_exterior_10 = pipeline.get_func(135);
    Func repeat_edge_10 = pipeline.get_func(134);
    Func blocks_3_0_ghost1 = pipeline.get_func(133);
    Func blocks_3_0_ghost1_cheap = pipeline.get_func(132);
    Func blocks_3_0_ghost1_cheap_padded = pipeline.get_func(131);
    Func constant_exterior_9 = pipeline.get_func(130);
    Func repeat_edge_9 = pipeline.get_func(129);
    Func blocks_3_0_ghost1_primary = pipeline.get_func(128);
    Func blocks_3_0_ghost1_primary_conv = pipeline.get_func(127);
    Func blocks_3_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(126);
    Func blocks_3_0_ghost1_primary_conv_0_weight = pipeline.get_func(125);
    Func blocks_2_0 = pipeline.get_func(124);
    Func blocks_2_0_ghost2 = pipeline.get_func(123);
    Func blocks_2_0_ghost2_cheap = pipeline.get_func(122);
    Func blocks_2_0_ghost2_cheap_padded = pipeline.get_func(121);
    Func constant_exterior_8 = pipeline.get_func(120);
    Func repeat_edge_8 = pipeline.get_func(119);
    Func blocks_2_0_ghost2_primary = pipeline.get_func(118);
    Func blocks_2_0_ghost2_primary_conv = pipeline.get_func(117);
    Func blocks_2_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(116);
    Func blocks_2_0_ghost2_primary_conv_0_weight = pipeline.get_func(115);
    Func blocks_2_0_ghost1 = pipeline.get_func(114);
    Func blocks_2_0_ghost1_cheap = pipeline.get_func(113);
    Func blocks_2_0_ghost1_cheap_padded = pipeline.get_func(112);
    Func constant_exterior_7 = pipeline.get_func(111);
    Func repeat_edge_7 = pipeline.get_func(110);
    Func blocks_2_0_ghost1_primary = pipeline.get_func(109);
    Func blocks_2_0_ghost1_primary_conv = pipeline.get_func(108);
    Func blocks_2_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(107);
    Func blocks_2_0_ghost1_primary_conv_0_weight = pipeline.get_func(106);
    Func blocks_2_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(105);
    Func blocks_2_0_ghost1_cheap_operation_0_weight = pipeline.get_func(104);
    Func blocks_2_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(103);
    Func blocks_2_0_ghost2_cheap_operation_0_weight = pipeline.get_func(102);
    Func blocks_1_0 = pipeline.get_func(101);
    Func blocks_1_0_shortcut_pw = pipeline.get_func(100);
    Func blocks_1_0_shortcut_pw_conv = pipeline.get_func(99);
    Func blocks_1_0_shortcut_dw = pipeline.get_func(98);
    Func blocks_1_0_shortcut_dw_padded = pipeline.get_func(97);
    Func constant_exterior_6 = pipeline.get_func(96);
    Func repeat_edge_6 = pipeline.get_func(95);
    Func blocks_1_0_shortcut_0_weight_b = pipeline.get_func(94);
    Func blocks_1_0_shortcut_0_weight = pipeline.get_func(93);
    Func blocks_1_0_shortcut_2_weight_b = pipeline.get_func(92);
    Func blocks_1_0_shortcut_2_weight = pipeline.get_func(91);
    Func blocks_1_0_ghost2 = pipeline.get_func(90);
    Func blocks_1_0_ghost2_cheap = pipeline.get_func(89);
    Func blocks_1_0_ghost2_cheap_padded = pipeline.get_func(88);
    Func constant_exterior_5 = pipeline.get_func(87);
    Func repeat_edge_5 = pipeline.get_func(86);
    Func blocks_1_0_ghost2_primary = pipeline.get_func(85);
    Func blocks_1_0_ghost2_primary_conv = pipeline.get_func(84);
    Func blocks_1_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(83);
    Func blocks_1_0_ghost2_primary_conv_0_weight = pipeline.get_func(82);
    Func blocks_1_0_dw = pipeline.get_func(81);
    Func blocks_1_0_dw_padded = pipeline.get_func(80);
    Func constant_exterior_4 = pipeline.get_func(79);
    Func repeat_edge_4 = pipeline.get_func(78);
    Func blocks_1_0_ghost1 = pipeline.get_func(77);
    Func blocks_1_0_ghost1_cheap = pipeline.get_func(76);
    Func blocks_1_0_ghost1_cheap_padded = pipeline.get_func(75);
    Func constant_exterior_3 = pipeline.get_func(74);
    Func repeat_edge_3 = pipeline.get_func(73);
    Func blocks_1_0_ghost1_primary = pipeline.get_func(72);
    Func blocks_1_0_ghost1_primary_conv = pipeline.get_func(71);
    Func blocks_1_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(70);
    Func blocks_1_0_ghost1_primary_conv_0_weight = pipeline.get_func(69);
    Func blocks_0_0 = pipeline.get_func(68);
    Func blocks_0_0_ghost2 = pipeline.get_func(67);
    Func blocks_0_0_ghost2_cheap = pipeline.get_func(66);
    Func blocks_0_0_ghost2_cheap_padded = pipeline.get_func(65);
    Func constant_exterior_2 = pipeline.get_func(64);
    Func repeat_edge_2 = pipeline.get_func(63);
    Func blocks_0_0_ghost2_primary = pipeline.get_func(62);
    Func blocks_0_0_ghost2_primary_conv = pipeline.get_func(61);
    Func blocks_0_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(60);
    Func blocks_0_0_ghost2_primary_conv_0_weight = pipeline.get_func(59);
    Func blocks_0_0_ghost1 = pipeline.get_func(58);
    Func blocks_0_0_ghost1_cheap = pipeline.get_func(57);
    Func blocks_0_0_ghost1_cheap_padded = pipeline.get_func(56);
    Func constant_exterior_1 = pipeline.get_func(55);
    Func repeat_edge_1 = pipeline.get_func(54);
    Func blocks_0_0_ghost1_primary = pipeline.get_func(53);
    Func blocks_0_0_ghost1_primary_conv = pipeline.get_func(52);
    Func stem = pipeline.get_func(51);
    Func stem_conv = pipeline.get_func(50);
    Func stem_padded = pipeline.get_func(49);
    Func constant_exterior = pipeline.get_func(48);
    Func repeat_edge = pipeline.get_func(47);
    Func input_chw = pipeline.get_func(46);
    Func conv_stem_weight_b = pipeline.get_func(44);
    Func conv_stem_weight = pipeline.get_func(43);
    Func blocks_0_0_ghost1_primary_conv_0_weight_b = pipeline.get_func(42);
    Func blocks_0_0_ghost1_primary_conv_0_weight = pipeline.get_func(41);
    Func blocks_0_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(40);
    Func blocks_0_0_ghost1_cheap_operation_0_weight = pipeline.get_func(39);
    Func blocks_0_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(38);
    Func blocks_0_0_ghost2_cheap_operation_0_weight = pipeline.get_func(37);
    Func blocks_1_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(36);
    Func blocks_1_0_ghost1_cheap_operation_0_weight = pipeline.get_func(35);
    Func blocks_1_0_conv_dw_weight_b = pipeline.get_func(34);
    Func blocks_1_0_conv_dw_weight = pipeline.get_func(33);
    Func blocks_1_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(32);
    Func blocks_1_0_ghost2_cheap_operation_0_weight = pipeline.get_func(31);
    Func blocks_3_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(30);
    Func blocks_3_0_ghost1_cheap_operation_0_weight = pipeline.get_func(29);
    Func blocks_3_0_conv_dw_weight_b = pipeline.get_func(28);
    Func blocks_3_0_conv_dw_weight = pipeline.get_func(27);
    Func blocks_3_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(26);
    Func blocks_3_0_ghost2_primary_conv_0_weight = pipeline.get_func(25);
    Func blocks_3_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(24);
    Func blocks_3_0_ghost2_cheap_operation_0_weight = pipeline.get_func(23);
    Func blocks_5_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(22);
    Func blocks_5_0_ghost1_cheap_operation_0_weight = pipeline.get_func(21);
    Func blocks_5_0_conv_dw_weight_b = pipeline.get_func(20);
    Func blocks_5_0_conv_dw_weight = pipeline.get_func(19);
    Func blocks_5_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(18);
    Func blocks_5_0_ghost2_cheap_operation_0_weight = pipeline.get_func(17);
    Func blocks_6_3_ghost1_cheap_operation_0_weight_b = pipeline.get_func(16);
    Func blocks_6_3_ghost1_cheap_operation_0_weight = pipeline.get_func(15);
    Func blocks_6_3_ghost2_primary_conv_0_weight_b = pipeline.get_func(14);
    Func blocks_6_3_ghost2_primary_conv_0_weight = pipeline.get_func(13);
    Func blocks_6_3_ghost2_cheap_operation_0_weight_b = pipeline.get_func(12);
    Func blocks_6_3_ghost2_cheap_operation_0_weight = pipeline.get_func(11);
    Func blocks_7_0_ghost1_cheap_operation_0_weight_b = pipeline.get_func(10);
    Func blocks_7_0_ghost1_cheap_operation_0_weight = pipeline.get_func(9);
    Func blocks_7_0_ghost2_primary_conv_0_weight_b = pipeline.get_func(8);
    Func blocks_7_0_ghost2_primary_conv_0_weight = pipeline.get_func(7);
    Func blocks_7_0_ghost2_cheap_operation_0_weight_b = pipeline.get_func(6);
    Func blocks_7_0_ghost2_cheap_operation_0_weight = pipeline.get_func(5);
    Func conv_head_weight_b = pipeline.get_func(4);
    Func conv_head_weight = pipeline.get_func(3);
    Func classifier_weight_b = pipeline.get_func(2);
    Func classifier_weight = pipeline.get_func(1);
    Var blocks_0_0_ghost1_ghost_x(blocks_0_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_0_0_ghost1_intrinsic_x(blocks_0_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_0_0_ghost1_primary_r_y(blocks_0_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_0_0_ghost1_primary_r_z(blocks_0_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_0_0_ghost2_ghost_x(blocks_0_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_0_0_ghost2_intrinsic_x(blocks_0_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_0_0_ghost2_primary_r_y(blocks_0_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_0_0_ghost2_primary_r_z(blocks_0_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_1_0_ghost1_ghost_x(blocks_1_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_1_0_ghost1_intrinsic_x(blocks_1_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_1_0_ghost1_primary_r_y(blocks_1_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_1_0_ghost1_primary_r_z(blocks_1_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_1_0_ghost2_ghost_x(blocks_1_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_1_0_ghost2_intrinsic_x(blocks_1_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_1_0_ghost2_primary_r_y(blocks_1_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_1_0_ghost2_primary_r_z(blocks_1_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_1_0_shortcut_pw_r_y(blocks_1_0_shortcut_pw_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_1_0_shortcut_pw_r_z(blocks_1_0_shortcut_pw_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_2_0_ghost1_ghost_x(blocks_2_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_2_0_ghost1_intrinsic_x(blocks_2_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_2_0_ghost1_primary_r_y(blocks_2_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_2_0_ghost1_primary_r_z(blocks_2_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_2_0_ghost2_ghost_x(blocks_2_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_2_0_ghost2_intrinsic_x(blocks_2_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_2_0_ghost2_primary_r_y(blocks_2_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_2_0_ghost2_primary_r_z(blocks_2_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_3_0_ghost1_ghost_x(blocks_3_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_3_0_ghost1_intrinsic_x(blocks_3_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_3_0_ghost1_primary_r_y(blocks_3_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_3_0_ghost1_primary_r_z(blocks_3_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_3_0_ghost2_ghost_x(blocks_3_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_3_0_ghost2_intrinsic_x(blocks_3_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_3_0_ghost2_primary_r_y(blocks_3_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_3_0_ghost2_primary_r_z(blocks_3_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_3_0_shortcut_pw_r_y(blocks_3_0_shortcut_pw_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_3_0_shortcut_pw_r_z(blocks_3_0_shortcut_pw_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_4_0_ghost1_ghost_x(blocks_4_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_4_0_ghost1_ghost_xi("blocks_4_0_ghost1_ghost$xi");
    Var blocks_4_0_ghost1_intrinsic_x(blocks_4_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_4_0_ghost1_primary_r_y(blocks_4_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_4_0_ghost1_primary_r_z(blocks_4_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_4_0_ghost2_ghost_x(blocks_4_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_4_0_ghost2_intrinsic_x(blocks_4_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_4_0_ghost2_primary_r_y(blocks_4_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_4_0_ghost2_primary_r_z(blocks_4_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_5_0_ghost1_ghost_x(blocks_5_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_5_0_ghost1_ghost_xi("blocks_5_0_ghost1_ghost$xi");
    Var blocks_5_0_ghost1_intrinsic_x(blocks_5_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_5_0_ghost1_primary_r_y(blocks_5_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_5_0_ghost1_primary_r_z(blocks_5_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_5_0_ghost2_ghost_x(blocks_5_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_5_0_ghost2_intrinsic_x(blocks_5_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_5_0_ghost2_primary_r_y(blocks_5_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_5_0_ghost2_primary_r_z(blocks_5_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_5_0_shortcut_pw_r_y(blocks_5_0_shortcut_pw_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_5_0_shortcut_pw_r_z(blocks_5_0_shortcut_pw_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_0_ghost1_ghost_x(blocks_6_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_6_0_ghost1_intrinsic_x(blocks_6_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_6_0_ghost1_primary_r_y(blocks_6_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_0_ghost1_primary_r_z(blocks_6_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_0_ghost2_ghost_x(blocks_6_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_6_0_ghost2_intrinsic_x(blocks_6_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_6_0_ghost2_primary_r_y(blocks_6_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_0_ghost2_primary_r_z(blocks_6_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_1_ghost1_ghost_x(blocks_6_1_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_6_1_ghost1_intrinsic_x(blocks_6_1_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_6_1_ghost1_primary_r_y(blocks_6_1_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_1_ghost1_primary_r_z(blocks_6_1_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_1_ghost2_ghost_x(blocks_6_1_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_6_1_ghost2_intrinsic_x(blocks_6_1_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_6_1_ghost2_primary_r_y(blocks_6_1_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_1_ghost2_primary_r_z(blocks_6_1_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_2_ghost1_ghost_x(blocks_6_2_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_6_2_ghost1_intrinsic_x(blocks_6_2_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_6_2_ghost1_primary_r_y(blocks_6_2_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_2_ghost1_primary_r_z(blocks_6_2_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_2_ghost2_ghost_x(blocks_6_2_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_6_2_ghost2_intrinsic_x(blocks_6_2_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_6_2_ghost2_primary_r_y(blocks_6_2_ghost2_primary_conv_1.update(0).get_schedule().dims()[1].var);
    Var blocks_6_2_ghost2_primary_r_z(blocks_6_2_ghost2_primary_conv_1.update(0).get_schedule().dims()[2].var);
    Var blocks_6_3_ghost1_ghost_x(blocks_6_3_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_6_3_ghost1_ghost_xi("blocks_6_3_ghost1_ghost$xi");
    Var blocks_6_3_ghost1_intrinsic_x(blocks_6_3_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_6_3_ghost1_primary_r_y(blocks_6_3_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_3_ghost1_primary_r_z(blocks_6_3_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_3_ghost2_ghost_x(blocks_6_3_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_6_3_ghost2_intrinsic_x(blocks_6_3_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_6_3_ghost2_primary_r_y(blocks_6_3_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_3_ghost2_primary_r_z(blocks_6_3_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_3_shortcut_pw_r_y(blocks_6_3_shortcut_pw_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_3_shortcut_pw_r_z(blocks_6_3_shortcut_pw_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_4_ghost1_ghost_x(blocks_6_4_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_6_4_ghost1_ghost_xi("blocks_6_4_ghost1_ghost$xi");
    Var blocks_6_4_ghost1_ghost_xii("blocks_6_4_ghost1_ghost$xii");
    Var blocks_6_4_ghost1_intrinsic_x(blocks_6_4_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_6_4_ghost1_primary_r_y(blocks_6_4_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_4_ghost1_primary_r_z(blocks_6_4_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_6_4_ghost2_ghost_x(blocks_6_4_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_6_4_ghost2_intrinsic_x(blocks_6_4_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_6_4_ghost2_primary_r_y(blocks_6_4_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_6_4_ghost2_primary_r_z(blocks_6_4_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_7_0_ghost1_ghost_x(blocks_7_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_7_0_ghost1_ghost_xi("blocks_7_0_ghost1_ghost$xi");
    Var blocks_7_0_ghost1_ghost_xii("blocks_7_0_ghost1_ghost$xii");
    Var blocks_7_0_ghost1_intrinsic_x(blocks_7_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_7_0_ghost1_primary_r_y(blocks_7_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_7_0_ghost1_primary_r_z(blocks_7_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_7_0_ghost2_ghost_x(blocks_7_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_7_0_ghost2_intrinsic_x(blocks_7_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_7_0_ghost2_primary_r_y(blocks_7_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_7_0_ghost2_primary_r_z(blocks_7_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_7_0_shortcut_pw_r_y(blocks_7_0_shortcut_pw_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_7_0_shortcut_pw_r_z(blocks_7_0_shortcut_pw_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_0_ghost1_ghost_x(blocks_8_0_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_8_0_ghost1_intrinsic_x(blocks_8_0_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_8_0_ghost1_primary_r_y(blocks_8_0_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_0_ghost1_primary_r_z(blocks_8_0_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_0_ghost2_ghost_x(blocks_8_0_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_8_0_ghost2_intrinsic_x(blocks_8_0_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_8_0_ghost2_primary_r_y(blocks_8_0_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_0_ghost2_primary_r_z(blocks_8_0_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_1_ghost1_ghost_x(blocks_8_1_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_8_1_ghost1_ghost_xi("blocks_8_1_ghost1_ghost$xi");
    Var blocks_8_1_ghost1_ghost_xii("blocks_8_1_ghost1_ghost$xii");
    Var blocks_8_1_ghost1_intrinsic_x(blocks_8_1_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_8_1_ghost1_primary_r_y(blocks_8_1_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_1_ghost1_primary_r_z(blocks_8_1_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_1_ghost2_ghost_x(blocks_8_1_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_8_1_ghost2_intrinsic_x(blocks_8_1_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_8_1_ghost2_primary_r_y(blocks_8_1_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_1_ghost2_primary_r_z(blocks_8_1_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_2_ghost1_ghost_x(blocks_8_2_ghost1.update(1).get_schedule().dims()[0].var);
    Var blocks_8_2_ghost1_ghost_xi("blocks_8_2_ghost1_ghost$xi");
    Var blocks_8_2_ghost1_intrinsic_x(blocks_8_2_ghost1.update(0).get_schedule().dims()[0].var);
    Var blocks_8_2_ghost1_primary_r_y(blocks_8_2_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_2_ghost1_primary_r_z(blocks_8_2_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_2_ghost2_ghost_x(blocks_8_2_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_8_2_ghost2_intrinsic_x(blocks_8_2_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_8_2_ghost2_primary_r_y(blocks_8_2_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_2_ghost2_primary_r_z(blocks_8_2_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_3_ghost1_ghost_x(blocks_8_3_ghost1_1.update(1).get_schedule().dims()[0].var);
    Var blocks_8_3_ghost1_ghost_xi("blocks_8_3_ghost1_ghost$xi");
    Var blocks_8_3_ghost1_intrinsic_x(blocks_8_3_ghost1_1.update(0).get_schedule().dims()[0].var);
    Var blocks_8_3_ghost1_primary_r_y(blocks_8_3_ghost1_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_3_ghost1_primary_r_z(blocks_8_3_ghost1_primary_conv.update(0).get_schedule().dims()[2].var);
    Var blocks_8_3_ghost2_ghost_x(blocks_8_3_ghost2.update(1).get_schedule().dims()[0].var);
    Var blocks_8_3_ghost2_intrinsic_x(blocks_8_3_ghost2.update(0).get_schedule().dims()[0].var);
    Var blocks_8_3_ghost2_primary_r_y(blocks_8_3_ghost2_primary_conv.update(0).get_schedule().dims()[1].var);
    Var blocks_8_3_ghost2_primary_r_z(blocks_8_3_ghost2_primary_conv.update(0).get_schedule().dims()[2].var);
    Var c(logits.get_schedule().dims()[0].var);
    Var ch(blocks_8_3_ghost1_cheap_operation_0_weight.get_schedule().dims()[0].var);
    Var chi("chi");
    Var chii("chii");
    Var ci("ci");
    Var cii("cii");
    Var ciii("ciii");
    Var co(blocks_9_0_conv_weight_b.get_schedule().dims()[0].var);
    Var coi("coi");
    Var coii("coii");
    Var head_conv_r_y(head_conv_conv.update(0).get_schedule().dims()[1].var);
    Var head_conv_r_z(head_conv_conv.update(0).get_schedule().dims()[2].var);
    Var kx(blocks_9_0_conv_weight.get_schedule().dims()[2].var);
    Var kxi("kxi");
    Var ky(blocks_9_0_conv_weight.get_schedule().dims()[3].var);
    Var stem_r_x(stem_conv.update(0).get_schedule().dims()[0].var);
    Var x(head_conv_conv.get_schedule().dims()[1].var);
    Var xi("xi");
    Var xii("xii");
    Var xiii("xiii");
    Var y(head_conv_conv.get_schedule().dims()[2].var);
    Var yi("yi");
    RVar blocks_0_0_ghost1_primary_r_x(blocks_0_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_0_0_ghost2_primary_r_x(blocks_0_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_1_0_ghost1_primary_r_x(blocks_1_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_1_0_ghost2_primary_r_x(blocks_1_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_1_0_shortcut_pw_r_x(blocks_1_0_shortcut_pw_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_2_0_ghost1_primary_r_x(blocks_2_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_2_0_ghost2_primary_r_x(blocks_2_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_3_0_ghost1_primary_r_x(blocks_3_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_3_0_ghost2_primary_r_x(blocks_3_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_3_0_ghost2_primary_r_xi("blocks_3_0_ghost2_primary_r$xi");
    RVar blocks_3_0_se_expand_r_x(blocks_3_0_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_3_0_se_pool_r_x(blocks_3_0_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_3_0_se_pool_r_y(blocks_3_0_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_3_0_se_reduce_r_x(blocks_3_0_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_3_0_shortcut_pw_r_x(blocks_3_0_shortcut_pw_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_4_0_ghost1_primary_r_x(blocks_4_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_4_0_ghost2_primary_r_x(blocks_4_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_4_0_ghost2_primary_r_xi("blocks_4_0_ghost2_primary_r$xi");
    RVar blocks_4_0_se_expand_r_x(blocks_4_0_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_4_0_se_pool_r_x(blocks_4_0_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_4_0_se_pool_r_y(blocks_4_0_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_4_0_se_reduce_r_x(blocks_4_0_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_5_0_ghost1_primary_r_x(blocks_5_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_5_0_ghost2_primary_r_x(blocks_5_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_5_0_ghost2_primary_r_xi("blocks_5_0_ghost2_primary_r$xi");
    RVar blocks_5_0_shortcut_pw_r_x(blocks_5_0_shortcut_pw_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_0_ghost1_primary_r_x(blocks_6_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_0_ghost2_primary_r_x(blocks_6_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_1_ghost1_primary_r_x(blocks_6_1_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_1_ghost2_primary_r_x(blocks_6_1_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_2_ghost1_primary_r_x(blocks_6_2_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_2_ghost2_primary_r_x(blocks_6_2_ghost2_primary_conv_1.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_3_ghost1_primary_r_x(blocks_6_3_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_3_ghost2_primary_r_x(blocks_6_3_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_3_ghost2_primary_r_xi("blocks_6_3_ghost2_primary_r$xi");
    RVar blocks_6_3_se_expand_r_x(blocks_6_3_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_3_se_pool_r_x(blocks_6_3_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_3_se_pool_r_y(blocks_6_3_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_6_3_se_reduce_r_x(blocks_6_3_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_3_shortcut_pw_r_x(blocks_6_3_shortcut_pw_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_4_ghost1_primary_r_x(blocks_6_4_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_4_ghost2_primary_r_x(blocks_6_4_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_4_ghost2_primary_r_xi("blocks_6_4_ghost2_primary_r$xi");
    RVar blocks_6_4_se_expand_r_x(blocks_6_4_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_4_se_pool_r_x(blocks_6_4_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_6_4_se_pool_r_y(blocks_6_4_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_6_4_se_reduce_r_x(blocks_6_4_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_7_0_ghost1_primary_r_x(blocks_7_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_7_0_ghost2_primary_r_x(blocks_7_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_7_0_ghost2_primary_r_xi("blocks_7_0_ghost2_primary_r$xi");
    RVar blocks_7_0_se_expand_r_x(blocks_7_0_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_7_0_se_pool_r_x(blocks_7_0_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_7_0_se_pool_r_y(blocks_7_0_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_7_0_se_reduce_r_x(blocks_7_0_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_7_0_shortcut_pw_r_x(blocks_7_0_shortcut_pw_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_0_ghost1_primary_r_x(blocks_8_0_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_0_ghost2_primary_r_x(blocks_8_0_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_1_ghost1_primary_r_x(blocks_8_1_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_1_ghost2_primary_r_x(blocks_8_1_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_1_ghost2_primary_r_xi("blocks_8_1_ghost2_primary_r$xi");
    RVar blocks_8_1_se_expand_r_x(blocks_8_1_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_1_se_expand_r_xi("blocks_8_1_se_expand_r$xi");
    RVar blocks_8_1_se_pool_r_x(blocks_8_1_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_1_se_pool_r_y(blocks_8_1_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_8_1_se_reduce_r_x(blocks_8_1_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_2_ghost1_primary_r_x(blocks_8_2_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_2_ghost2_primary_r_x(blocks_8_2_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_3_ghost1_primary_r_x(blocks_8_3_ghost1_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_3_ghost2_primary_r_x(blocks_8_3_ghost2_primary_conv.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_3_ghost2_primary_r_xi("blocks_8_3_ghost2_primary_r$xi");
    RVar blocks_8_3_se_expand_r_x(blocks_8_3_se_expand_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_3_se_expand_r_xi("blocks_8_3_se_expand_r$xi");
    RVar blocks_8_3_se_pool_r_x(blocks_8_3_se_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_3_se_pool_r_y(blocks_8_3_se_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar blocks_8_3_se_reduce_r_x(blocks_8_3_se_reduce_acc.update(0).get_schedule().dims()[0].var);
    RVar blocks_8_3_se_reduce_r_xi("blocks_8_3_se_reduce_r$xi");
    RVar classifier_r_x(classifier_acc.update(0).get_schedule().dims()[0].var);
    RVar conv_head_r_x(conv_head_acc.update(0).get_schedule().dims()[0].var);
    RVar head_conv_r_x(head_conv_conv.update(0).get_schedule().dims()[0].var);
    RVar head_pool_r_x(head_pool_sum.update(0).get_schedule().dims()[0].var);
    RVar head_pool_r_y(head_pool_sum.update(0).get_schedule().dims()[1].var);
    RVar stem_r_y(stem_conv.update(0).get_schedule().dims()[1].var);
    RVar stem_r_z(stem_conv.update(0).get_schedule().dims()[2].var);
    logits
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c});
    classifier_acc
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c});
    classifier_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, classifier_r_x, c});
    conv_head
        .split(c, c, ci, 640, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 32, TailStrategy::ShiftInwards)
        .split(cii, cii, ciii, 16, TailStrategy::ShiftInwards)
        .unroll(cii)
        .vectorize(ciii)
        .compute_root()
        .reorder({ciii, cii, ci, c})
        .parallel(c);
    conv_head_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_at(conv_head, ci)
        .reorder({ci, c});
    conv_head_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, conv_head_r_x});
    head_pool
        .split(c, c, ci, 240, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    head_pool_sum
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(head_pool, ci)
        .reorder({ci, c});
    head_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, head_pool_r_x, head_pool_r_y});
    head_conv_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(head_pool_sum, head_pool_r_y)
        .reorder({ci, c, x, y});
    head_conv_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .reorder({ci, c, head_conv_r_y, head_conv_r_z, x, y, head_conv_r_x});
    blocks_9_0_conv_weight_b
        .store_in(MemoryType::Stack)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_at(head_pool, ci)
        .reorder({coi, co});
    blocks_9_0_conv_weight
        .split(ci, ci, cii, 40, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_3
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_8_3_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3, xi)
        .reorder({ci, c, x, y});
    blocks_8_3_ghost2.update(0)
        .reorder({blocks_8_3_ghost2_intrinsic_x, x, y});
    blocks_8_3_ghost2.update(1)
        .reorder({blocks_8_3_ghost2_ghost_x, x, y});
    blocks_8_3_ghost2_primary_conv
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_3_ghost2_primary_conv.update(0)
        .split(blocks_8_3_ghost2_primary_r_x, blocks_8_3_ghost2_primary_r_x, blocks_8_3_ghost2_primary_r_xi, 120, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_3_ghost2_primary_r_xi, blocks_8_3_ghost2_primary_r_x, blocks_8_3_ghost2_primary_r_y, blocks_8_3_ghost2_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_3_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3_ghost2_primary_conv, blocks_8_3_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_8_3_se_gate
        .split(c, c, ci, 240, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_8_3_se_expand_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3_se_gate, ci)
        .reorder({ci, c});
    blocks_8_3_se_expand_acc.update(0)
        .split(blocks_8_3_se_expand_r_x, blocks_8_3_se_expand_r_x, blocks_8_3_se_expand_r_xi, 30, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_3_se_expand_r_xi, blocks_8_3_se_expand_r_x});
    blocks_8_3_se_reduce
        .split(c, c, ci, 64, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_8_3_se_reduce_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3_se_reduce, ci)
        .reorder({ci, c});
    blocks_8_3_se_reduce_acc.update(0)
        .split(blocks_8_3_se_reduce_r_x, blocks_8_3_se_reduce_r_x, blocks_8_3_se_reduce_r_xi, 3, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_3_se_reduce_r_xi, blocks_8_3_se_reduce_r_x});
    blocks_8_3_se_pool
        .split(c, c, ci, 240, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_8_3_se_pool_sum
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3_se_pool, ci)
        .reorder({ci, c});
    blocks_8_3_se_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_3_se_pool_r_x, blocks_8_3_se_pool_r_y});
    blocks_8_3_se_conv_reduce_weight_b
        .split(co, co, coi, 64, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_3_se_conv_reduce_weight
        .store_in(MemoryType::Stack)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_at(blocks_8_3_se_reduce_acc, blocks_8_3_se_reduce_r_x)
        .reorder({coi, co, ci});
    blocks_8_3_se_conv_expand_weight_b
        .split(co, co, coi, 240, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_3_se_conv_expand_weight
        .store_in(MemoryType::Stack)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_at(blocks_8_3_se_expand_acc, blocks_8_3_se_expand_r_x)
        .reorder({coi, co, ci});
    blocks_8_3_ghost1_1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_8_3_ghost1_1.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .reorder({blocks_8_3_ghost1_intrinsic_x, x, yi, y})
        .parallel(y);
    blocks_8_3_ghost1_1.update(1)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_8_3_ghost1_ghost_x, blocks_8_3_ghost1_ghost_x, blocks_8_3_ghost1_ghost_xi, 16, TailStrategy::RoundUp)
        .reorder({blocks_8_3_ghost1_ghost_xi, x, blocks_8_3_ghost1_ghost_x, yi, y})
        .parallel(y);
    blocks_8_3_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3_ghost1_1, blocks_8_3_ghost1_ghost_xi)
        .store_at(blocks_8_3_ghost1_1, blocks_8_3_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    constant_exterior_39
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_3_ghost1_1, blocks_8_3_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    blocks_8_3_ghost1_primary_conv
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_3_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_8_3_ghost1_primary_r_x, c, blocks_8_3_ghost1_primary_r_y, blocks_8_3_ghost1_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_3_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_3_ghost1_primary_conv_0_weight_1
        .split(ci, ci, cii, 40, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_3_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_3_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 128, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_8_3_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_3_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 240, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_3_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_3_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_8_2
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_8_2_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_2, xi)
        .reorder({ci, c, x, y});
    blocks_8_2_ghost2.update(0)
        .reorder({blocks_8_2_ghost2_intrinsic_x, x, y});
    blocks_8_2_ghost2.update(1)
        .reorder({blocks_8_2_ghost2_ghost_x, x, y});
    blocks_8_2_ghost2_primary_conv
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_2_ghost2_primary_conv.update(0)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_2_ghost2_primary_r_x, xi, yi, blocks_8_2_ghost2_primary_r_y, blocks_8_2_ghost2_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_2_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_2_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 240, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_2_ghost1
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_2_ghost2_primary_conv, blocks_8_2_ghost2_primary_r_y)
        .reorder({ci, c, x, y});
    blocks_8_2_ghost1.update(0)
        .reorder({blocks_8_2_ghost1_intrinsic_x, x, y});
    blocks_8_2_ghost1.update(1)
        .split(blocks_8_2_ghost1_ghost_x, blocks_8_2_ghost1_ghost_x, blocks_8_2_ghost1_ghost_xi, 2, TailStrategy::RoundUp)
        .reorder({blocks_8_2_ghost1_ghost_xi, x, blocks_8_2_ghost1_ghost_x, y});
    blocks_8_2_ghost1_cheap_padded
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_2_ghost1, blocks_8_2_ghost1_ghost_x)
        .reorder({ci, c, y, x});
    constant_exterior_37
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_2_ghost1_cheap_padded, x)
        .reorder({ci, c, x, y});
    repeat_edge_37
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_2_ghost1_cheap_padded, x)
        .store_at(blocks_8_2_ghost1, blocks_8_2_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    blocks_8_2_ghost1_primary
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(xi)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, xi, c, y, x})
        .parallel(x);
    blocks_8_2_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(blocks_8_2_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_8_2_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_2_ghost1_primary_r_y, blocks_8_2_ghost1_primary_r_z, x, y, blocks_8_2_ghost1_primary_r_x});
    blocks_8_2_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_2_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 40, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_2_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_2_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 128, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_8_2_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_2_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_8_1
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_8_1_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_1, xi)
        .reorder({ci, c, x, y});
    blocks_8_1_ghost2.update(0)
        .reorder({blocks_8_1_ghost2_intrinsic_x, x, y});
    blocks_8_1_ghost2.update(1)
        .reorder({blocks_8_1_ghost2_ghost_x, x, y});
    blocks_8_1_ghost2_primary_conv
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_1_ghost2_primary_conv.update(0)
        .split(blocks_8_1_ghost2_primary_r_x, blocks_8_1_ghost2_primary_r_x, blocks_8_1_ghost2_primary_r_xi, 120, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_1_ghost2_primary_r_xi, blocks_8_1_ghost2_primary_r_x, blocks_8_1_ghost2_primary_r_y, blocks_8_1_ghost2_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_1_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_1_ghost2_primary_conv, blocks_8_1_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_8_1_se_gate
        .split(c, c, ci, 240, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_8_1_se_expand_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_1_se_gate, ci)
        .reorder({ci, c});
    blocks_8_1_se_expand_acc.update(0)
        .split(blocks_8_1_se_expand_r_x, blocks_8_1_se_expand_r_x, blocks_8_1_se_expand_r_xi, 8, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_1_se_expand_r_xi, blocks_8_1_se_expand_r_x});
    blocks_8_1_se_reduce
        .split(c, c, ci, 64, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_8_1_se_reduce_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_1_se_reduce, ci)
        .reorder({ci, c});
    blocks_8_1_se_reduce_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_1_se_reduce_r_x});
    blocks_8_1_se_pool
        .split(c, c, ci, 240, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_8_1_se_pool_sum
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_1_se_pool, ci)
        .reorder({ci, c});
    blocks_8_1_se_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_1_se_pool_r_x, blocks_8_1_se_pool_r_y});
    blocks_8_1_se_conv_reduce_weight_b
        .split(co, co, coi, 64, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_1_se_conv_expand_weight_b
        .split(co, co, coi, 240, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_1_se_conv_expand_weight
        .store_in(MemoryType::Stack)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_at(blocks_8_1_se_expand_acc, blocks_8_1_se_expand_r_x)
        .reorder({coi, co, ci});
    blocks_8_1_ghost1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_8_1_ghost1.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .reorder({blocks_8_1_ghost1_intrinsic_x, x, yi, y})
        .parallel(y);
    blocks_8_1_ghost1.update(1)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_8_1_ghost1_ghost_x, blocks_8_1_ghost1_ghost_x, blocks_8_1_ghost1_ghost_xi, 16, TailStrategy::RoundUp)
        .split(blocks_8_1_ghost1_ghost_xi, blocks_8_1_ghost1_ghost_xi, blocks_8_1_ghost1_ghost_xii, 8, TailStrategy::GuardWithIf)
        .reorder({yi, blocks_8_1_ghost1_ghost_xii, x, blocks_8_1_ghost1_ghost_xi, blocks_8_1_ghost1_ghost_x, y})
        .parallel(y);
    blocks_8_1_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_8_1_ghost1, blocks_8_1_ghost1_ghost_xii)
        .store_at(blocks_8_1_ghost1, blocks_8_1_ghost1_ghost_xi)
        .reorder({ci, c, x, y});
    constant_exterior_35
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_8_1_ghost1, blocks_8_1_ghost1_ghost_xii)
        .reorder({ci, c, x, y});
    repeat_edge_35
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_1_ghost1, blocks_8_1_ghost1_ghost_xi)
        .store_at(blocks_8_1_ghost1, blocks_8_1_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    blocks_8_1_ghost1_primary_conv
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_8_1_ghost1_primary_conv.update(0)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_8_1_ghost1_primary_r_x, c, xi, y, blocks_8_1_ghost1_primary_r_y, blocks_8_1_ghost1_primary_r_z, x})
        .parallel(x);
    blocks_8_1_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_1_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 40, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_1_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_1_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 128, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_8_1_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_1_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 240, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_1_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_1_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_8_0
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_8_0_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_0, xi)
        .reorder({ci, c, x, y});
    blocks_8_0_ghost2.update(0)
        .reorder({blocks_8_0_ghost2_intrinsic_x, x, y});
    blocks_8_0_ghost2.update(1)
        .reorder({blocks_8_0_ghost2_ghost_x, x, y});
    blocks_8_0_ghost2_primary_conv
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(yi)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, yi, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_8_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_0_ghost2_primary_r_x, yi, x, blocks_8_0_ghost2_primary_r_y, blocks_8_0_ghost2_primary_r_z, y})
        .parallel(y);
    blocks_8_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_0_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 240, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_0_ghost1
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_0_ghost2_primary_conv, yi)
        .reorder({ci, c, x, y});
    blocks_8_0_ghost1.update(0)
        .reorder({blocks_8_0_ghost1_intrinsic_x, x, y});
    blocks_8_0_ghost1.update(1)
        .reorder({blocks_8_0_ghost1_ghost_x, x, y});
    blocks_8_0_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_8_0_ghost2_primary_conv, x)
        .store_at(blocks_8_0_ghost2_primary_conv, blocks_8_0_ghost2_primary_r_y)
        .reorder({ci, c, x, y});
    blocks_8_0_ghost1_primary
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(xi)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, xi, c, y, x})
        .parallel(x);
    blocks_8_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(blocks_8_0_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_8_0_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .reorder({ci, c, blocks_8_0_ghost1_primary_r_y, blocks_8_0_ghost1_primary_r_z, x, y, blocks_8_0_ghost1_primary_r_x});
    blocks_8_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 40, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_8_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_8_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 128, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_8_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_8_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_7_0
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, yi, y, x})
        .parallel(x);
    blocks_7_0_shortcut_pw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0, c)
        .reorder({ci, c, x, y});
    blocks_7_0_shortcut_pw_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0, c)
        .reorder({ci, c, x, y});
    blocks_7_0_shortcut_pw_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_7_0_shortcut_pw_r_y, blocks_7_0_shortcut_pw_r_z, x, y, blocks_7_0_shortcut_pw_r_x});
    blocks_7_0_shortcut_dw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0, xi)
        .store_at(blocks_7_0, y)
        .reorder({ci, c, x, y});
    blocks_7_0_shortcut_0_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_7_0_shortcut_0_weight
        .split(ch, ch, chi, 32, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_7_0_shortcut_2_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_7_0_shortcut_2_weight
        .split(ci, ci, cii, 28, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_7_0_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0, xi)
        .reorder({ci, c, x, y});
    blocks_7_0_ghost2.update(0)
        .reorder({blocks_7_0_ghost2_intrinsic_x, x, y});
    blocks_7_0_ghost2.update(1)
        .reorder({blocks_7_0_ghost2_ghost_x, x, y});
    blocks_7_0_ghost2_primary_conv
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(yi)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, yi, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_7_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_7_0_ghost2_primary_r_x, blocks_7_0_ghost2_primary_r_x, blocks_7_0_ghost2_primary_r_xi, 16, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(yi)
        .vectorize(ci)
        .reorder({ci, c, yi, blocks_7_0_ghost2_primary_r_xi, blocks_7_0_ghost2_primary_r_x, blocks_7_0_ghost2_primary_r_y, blocks_7_0_ghost2_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_7_0_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0_ghost2_primary_conv, blocks_7_0_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_7_0_se_gate
        .split(c, c, ci, 176, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_7_0_se_expand_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0_se_gate, ci)
        .reorder({ci, c});
    blocks_7_0_se_expand_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_7_0_se_expand_r_x});
    blocks_7_0_se_reduce
        .split(c, c, ci, 48, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_7_0_se_reduce_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0_se_reduce, ci)
        .reorder({ci, c});
    blocks_7_0_se_reduce_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_7_0_se_reduce_r_x});
    blocks_7_0_se_pool
        .split(c, c, ci, 176, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_7_0_se_pool_sum
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0_se_pool, ci)
        .reorder({ci, c});
    blocks_7_0_se_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_7_0_se_pool_r_x, blocks_7_0_se_pool_r_y});
    blocks_7_0_se_conv_reduce_weight_b
        .split(co, co, coi, 48, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_7_0_se_conv_expand_weight_b
        .split(co, co, coi, 176, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_7_0_ghost1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_7_0_ghost1.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .reorder({blocks_7_0_ghost1_intrinsic_x, x, yi, y})
        .parallel(y);
    blocks_7_0_ghost1.update(1)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_7_0_ghost1_ghost_x, blocks_7_0_ghost1_ghost_x, blocks_7_0_ghost1_ghost_xi, 16, TailStrategy::RoundUp)
        .split(blocks_7_0_ghost1_ghost_xi, blocks_7_0_ghost1_ghost_xi, blocks_7_0_ghost1_ghost_xii, 8, TailStrategy::GuardWithIf)
        .reorder({yi, blocks_7_0_ghost1_ghost_xii, x, blocks_7_0_ghost1_ghost_xi, blocks_7_0_ghost1_ghost_x, y})
        .parallel(y);
    blocks_7_0_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_7_0_ghost1, blocks_7_0_ghost1_ghost_xii)
        .store_at(blocks_7_0_ghost1, blocks_7_0_ghost1_ghost_xi)
        .reorder({ci, c, x, y});
    constant_exterior_30
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_7_0_ghost1, blocks_7_0_ghost1_ghost_xi)
        .store_at(blocks_7_0_ghost1, blocks_7_0_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    blocks_7_0_ghost1_primary_conv
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_7_0_ghost1_primary_conv.update(0)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_7_0_ghost1_primary_r_x, c, xi, y, blocks_7_0_ghost1_primary_r_y, blocks_7_0_ghost1_primary_r_z, x})
        .parallel(x);
    blocks_7_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 96, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_7_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 28, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_4_1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_4_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_4_1, x)
        .reorder({ci, c, x, y});
    blocks_6_4_ghost2.update(0)
        .reorder({blocks_6_4_ghost2_intrinsic_x, x, y});
    blocks_6_4_ghost2.update(1)
        .reorder({blocks_6_4_ghost2_ghost_x, x, y});
    blocks_6_4_ghost2_primary_conv
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(xi)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_6_4_ghost2_primary_conv.update(0)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(blocks_6_4_ghost2_primary_r_x, blocks_6_4_ghost2_primary_r_x, blocks_6_4_ghost2_primary_r_xi, 56, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(xi)
        .vectorize(ci)
        .reorder({ci, c, xi, blocks_6_4_ghost2_primary_r_xi, blocks_6_4_ghost2_primary_r_x, blocks_6_4_ghost2_primary_r_y, blocks_6_4_ghost2_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_6_4_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_4_ghost2_primary_conv, blocks_6_4_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_6_4_se_gate
        .split(c, c, ci, 176, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_6_4_se_expand_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_4_se_gate, ci)
        .reorder({ci, c});
    blocks_6_4_se_expand_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_4_se_expand_r_x});
    blocks_6_4_se_reduce
        .split(c, c, ci, 48, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_6_4_se_reduce_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_4_se_reduce, ci)
        .reorder({ci, c});
    blocks_6_4_se_reduce_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_4_se_reduce_r_x});
    blocks_6_4_se_pool
        .split(c, c, ci, 176, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_6_4_se_pool_sum
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_4_se_pool, ci)
        .reorder({ci, c});
    blocks_6_4_se_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_4_se_pool_r_x, blocks_6_4_se_pool_r_y});
    blocks_6_4_se_conv_reduce_weight_b
        .split(co, co, coi, 48, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_4_se_conv_expand_weight_b
        .split(co, co, coi, 176, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_4_ghost1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_4_ghost1.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .reorder({blocks_6_4_ghost1_intrinsic_x, x, yi, y})
        .parallel(y);
    blocks_6_4_ghost1.update(1)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_6_4_ghost1_ghost_x, blocks_6_4_ghost1_ghost_x, blocks_6_4_ghost1_ghost_xi, 16, TailStrategy::RoundUp)
        .split(blocks_6_4_ghost1_ghost_xi, blocks_6_4_ghost1_ghost_xi, blocks_6_4_ghost1_ghost_xii, 8, TailStrategy::GuardWithIf)
        .reorder({yi, blocks_6_4_ghost1_ghost_xii, x, blocks_6_4_ghost1_ghost_xi, blocks_6_4_ghost1_ghost_x, y})
        .parallel(y);
    blocks_6_4_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_6_4_ghost1, blocks_6_4_ghost1_ghost_xii)
        .store_at(blocks_6_4_ghost1, blocks_6_4_ghost1_ghost_xi)
        .reorder({ci, c, x, y});
    constant_exterior_28
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_4_ghost1, blocks_6_4_ghost1_ghost_xi)
        .store_at(blocks_6_4_ghost1, blocks_6_4_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    blocks_6_4_ghost1_primary_conv
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_6_4_ghost1_primary_conv.update(0)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_6_4_ghost1_primary_r_x, c, xi, y, blocks_6_4_ghost1_primary_r_y, blocks_6_4_ghost1_primary_r_z, x})
        .parallel(x);
    blocks_6_4_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 96, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_4_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 28, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_4_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 96, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_4_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 96, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_6_4_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_4_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 168, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_4_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_4_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_6_3
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_3_shortcut_pw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3, c)
        .reorder({ci, c, x, y});
    blocks_6_3_shortcut_pw_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3, c)
        .reorder({ci, c, x, y});
    blocks_6_3_shortcut_pw_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_3_shortcut_pw_r_y, blocks_6_3_shortcut_pw_r_z, x, y, blocks_6_3_shortcut_pw_r_x});
    blocks_6_3_shortcut_dw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3, c)
        .store_at(blocks_6_3, yi)
        .reorder({ci, c, x, y});
    constant_exterior_27
        .split(y, y, yi, 3, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    repeat_edge_27
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(constant_exterior_27, c)
        .reorder({ci, c, x, y});
    blocks_6_3_shortcut_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_3_shortcut_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_6_3_shortcut_2_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_3_shortcut_2_weight
        .split(co, co, coi, 28, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_6_3_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3, c)
        .reorder({ci, c, x, y});
    blocks_6_3_ghost2.update(0)
        .reorder({blocks_6_3_ghost2_intrinsic_x, x, y});
    blocks_6_3_ghost2.update(1)
        .reorder({blocks_6_3_ghost2_ghost_x, x, y});
    constant_exterior_26
        .split(y, y, yi, 3, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    repeat_edge_26
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(constant_exterior_26, c)
        .reorder({ci, c, x, y});
    blocks_6_3_ghost2_primary_conv
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(xi)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_6_3_ghost2_primary_conv.update(0)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(blocks_6_3_ghost2_primary_r_x, blocks_6_3_ghost2_primary_r_x, blocks_6_3_ghost2_primary_r_xi, 16, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .unroll(xi)
        .vectorize(ci)
        .reorder({ci, c, xi, blocks_6_3_ghost2_primary_r_xi, blocks_6_3_ghost2_primary_r_x, blocks_6_3_ghost2_primary_r_y, blocks_6_3_ghost2_primary_r_z, x, y})
        .fuse(x, y, x)
        .parallel(x);
    blocks_6_3_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3_ghost2_primary_conv, blocks_6_3_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_6_3_se_gate
        .split(c, c, ci, 128, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_6_3_se_expand_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3_se_gate, ci)
        .reorder({ci, c});
    blocks_6_3_se_expand_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_3_se_expand_r_x});
    blocks_6_3_se_reduce
        .split(c, c, ci, 32, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_6_3_se_reduce_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3_se_reduce, ci)
        .reorder({ci, c});
    blocks_6_3_se_reduce_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_3_se_reduce_r_x});
    blocks_6_3_se_pool
        .split(c, c, ci, 128, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_6_3_se_pool_sum
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3_se_pool, ci)
        .reorder({ci, c});
    blocks_6_3_se_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_3_se_pool_r_x, blocks_6_3_se_pool_r_y});
    blocks_6_3_se_conv_reduce_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_3_se_conv_expand_weight_b
        .split(co, co, coi, 128, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_3_ghost1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_3_ghost1.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .reorder({blocks_6_3_ghost1_intrinsic_x, x, yi, y})
        .parallel(y);
    blocks_6_3_ghost1.update(1)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_6_3_ghost1_ghost_x, blocks_6_3_ghost1_ghost_x, blocks_6_3_ghost1_ghost_xi, 15, TailStrategy::RoundUp)
        .reorder({yi, blocks_6_3_ghost1_ghost_xi, x, blocks_6_3_ghost1_ghost_x, y})
        .parallel(y);
    blocks_6_3_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_6_3_ghost1, blocks_6_3_ghost1_ghost_xi)
        .store_at(blocks_6_3_ghost1, blocks_6_3_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    constant_exterior_25
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_6_3_ghost1, blocks_6_3_ghost1_ghost_xi)
        .reorder({ci, c, x, y});
    repeat_edge_25
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .unroll(y)
        .vectorize(ci)
        .compute_at(blocks_6_3_ghost1, blocks_6_3_ghost1_ghost_xi)
        .reorder({ci, c, x, y});
    blocks_6_3_ghost1_primary
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_3_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_3_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_6_3_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_3_ghost1_primary_r_y, blocks_6_3_ghost1_primary_r_z, x, y, blocks_6_3_ghost1_primary_r_x});
    blocks_6_3_ghost1_primary_conv_0_weight_b_1
        .split(co, co, coi, 64, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_3_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 20, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_2
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_6_2_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_2, xi)
        .reorder({ci, c, x, y});
    blocks_6_2_ghost2.update(0)
        .reorder({blocks_6_2_ghost2_intrinsic_x, x, y});
    blocks_6_2_ghost2.update(1)
        .reorder({blocks_6_2_ghost2_ghost_x, x, y});
    blocks_6_2_ghost2_primary_conv_1
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_2_ghost2_primary_conv_1.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_2_ghost2_primary_r_x, x, yi, blocks_6_2_ghost2_primary_r_y, blocks_6_2_ghost2_primary_r_z, y})
        .parallel(y);
    blocks_6_2_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_2_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 46, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_2_ghost1
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_2_ghost2_primary_conv_1, x)
        .reorder({ci, c, x, y});
    blocks_6_2_ghost1.update(0)
        .reorder({blocks_6_2_ghost1_intrinsic_x, x, y});
    blocks_6_2_ghost1.update(1)
        .reorder({blocks_6_2_ghost1_ghost_x, x, y});
    blocks_6_2_ghost1_primary
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_6_2_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_2_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_6_2_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_2_ghost1_primary_r_y, blocks_6_2_ghost1_primary_r_z, x, y, blocks_6_2_ghost1_primary_r_x});
    blocks_6_2_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_2_ghost1_primary_conv_0_weight
        .split(co, co, coi, 23, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_6_2_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_2_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_6_2_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_2_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_6_1
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_6_1_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_1, xi)
        .reorder({ci, c, x, y});
    blocks_6_1_ghost2.update(0)
        .reorder({blocks_6_1_ghost2_intrinsic_x, x, y});
    blocks_6_1_ghost2.update(1)
        .reorder({blocks_6_1_ghost2_ghost_x, x, y});
    blocks_6_1_ghost2_primary_conv
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_1_ghost2_primary_conv.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_1_ghost2_primary_r_x, x, yi, blocks_6_1_ghost2_primary_r_y, blocks_6_1_ghost2_primary_r_z, y})
        .parallel(y);
    blocks_6_1_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_1_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 46, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_1_ghost1
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_1_ghost2_primary_conv, x)
        .reorder({ci, c, x, y});
    blocks_6_1_ghost1.update(0)
        .reorder({blocks_6_1_ghost1_intrinsic_x, x, y});
    blocks_6_1_ghost1.update(1)
        .reorder({blocks_6_1_ghost1_ghost_x, x, y});
    blocks_6_1_ghost1_primary
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_6_1_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_1_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_6_1_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_1_ghost1_primary_r_y, blocks_6_1_ghost1_primary_r_z, x, y, blocks_6_1_ghost1_primary_r_x});
    blocks_6_1_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_1_ghost1_primary_conv_0_weight
        .split(co, co, coi, 23, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_6_1_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_1_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_6_1_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_1_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_6_0
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_6_0_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_0, xi)
        .reorder({ci, c, x, y});
    blocks_6_0_ghost2.update(0)
        .reorder({blocks_6_0_ghost2_intrinsic_x, x, y});
    blocks_6_0_ghost2.update(1)
        .reorder({blocks_6_0_ghost2_ghost_x, x, y});
    blocks_6_0_ghost2_primary_conv
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_0_ghost2_primary_r_x, x, yi, blocks_6_0_ghost2_primary_r_y, blocks_6_0_ghost2_primary_r_z, y})
        .parallel(y);
    blocks_6_0_ghost2_primary_conv_0_weight_b_1
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_0_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 50, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_0_ghost1
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_0_ghost2_primary_conv, x)
        .reorder({ci, c, x, y});
    blocks_6_0_ghost1.update(0)
        .reorder({blocks_6_0_ghost1_intrinsic_x, x, y});
    blocks_6_0_ghost1.update(1)
        .reorder({blocks_6_0_ghost1_ghost_x, x, y});
    blocks_6_0_ghost1_primary
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_6_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_6_0_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_6_0_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_6_0_ghost1_primary_r_y, blocks_6_0_ghost1_primary_r_z, x, y, blocks_6_0_ghost1_primary_r_x});
    blocks_6_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 20, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 32, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_6_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_5_0
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, yi, y, x})
        .parallel(x);
    blocks_5_0_shortcut_pw_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_5_0, c)
        .reorder({ci, c, x, y});
    blocks_5_0_shortcut_pw_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_5_0_shortcut_pw_r_y, blocks_5_0_shortcut_pw_r_z, x, y, blocks_5_0_shortcut_pw_r_x});
    blocks_5_0_shortcut_dw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_5_0, xi)
        .store_at(blocks_5_0, y)
        .reorder({ci, c, x, y});
    blocks_5_0_shortcut_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_5_0_shortcut_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_5_0_shortcut_2_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_5_0_shortcut_2_weight
        .split(co, co, coi, 20, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_5_0_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_5_0, xi)
        .reorder({ci, c, x, y});
    blocks_5_0_ghost2.update(0)
        .reorder({blocks_5_0_ghost2_intrinsic_x, x, y});
    blocks_5_0_ghost2.update(1)
        .reorder({blocks_5_0_ghost2_ghost_x, x, y});
    blocks_5_0_ghost2_primary_conv
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_5_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 2, TailStrategy::RoundUp)
        .split(blocks_5_0_ghost2_primary_r_x, blocks_5_0_ghost2_primary_r_x, blocks_5_0_ghost2_primary_r_xi, 15, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .reorder({ci, c, blocks_5_0_ghost2_primary_r_xi, x, yi, blocks_5_0_ghost2_primary_r_x, blocks_5_0_ghost2_primary_r_y, blocks_5_0_ghost2_primary_r_z, y})
        .parallel(y);
    blocks_5_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_5_0_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 60, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_5_0_dw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_5_0_ghost2_primary_conv, x)
        .store_at(blocks_5_0_ghost2_primary_conv, blocks_5_0_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_5_0_ghost1
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_5_0_ghost1.update(0)
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .reorder({blocks_5_0_ghost1_intrinsic_x, xi, y, x})
        .parallel(x);
    blocks_5_0_ghost1.update(1)
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(blocks_5_0_ghost1_ghost_x, blocks_5_0_ghost1_ghost_x, blocks_5_0_ghost1_ghost_xi, 15, TailStrategy::RoundUp)
        .reorder({xi, blocks_5_0_ghost1_ghost_xi, y, blocks_5_0_ghost1_ghost_x, x})
        .parallel(x);
    blocks_5_0_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(blocks_5_0_ghost1, blocks_5_0_ghost1_ghost_xi)
        .store_at(blocks_5_0_ghost1, blocks_5_0_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    constant_exterior_15
        .store_in(MemoryType::Stack)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(xi)
        .vectorize(ci)
        .compute_at(blocks_5_0_ghost1, blocks_5_0_ghost1_ghost_xi)
        .reorder({ci, c, xi, x, y});
    repeat_edge_15
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(constant_exterior_15, x)
        .reorder({ci, c, x, y});
    blocks_5_0_ghost1_primary
        .split(y, y, yi, 4, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, x, yi, y})
        .parallel(y);
    blocks_5_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_5_0_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_5_0_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_5_0_ghost1_primary_r_y, blocks_5_0_ghost1_primary_r_z, x, y, blocks_5_0_ghost1_primary_r_x});
    blocks_5_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_5_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 10, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_4_0
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(xi, xi, xii, 2, TailStrategy::RoundUp)
        .split(y, y, yi, 4, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xii, yi, xi, y, x})
        .parallel(x);
    blocks_4_0_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_4_0, xii)
        .reorder({ci, c, x, y});
    blocks_4_0_ghost2.update(0)
        .reorder({blocks_4_0_ghost2_intrinsic_x, x, y});
    blocks_4_0_ghost2.update(1)
        .reorder({blocks_4_0_ghost2_ghost_x, x, y});
    blocks_4_0_ghost2_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_4_0, xi)
        .reorder({ci, c, x, y});
    blocks_4_0_ghost2_primary_conv.update(0)
        .split(blocks_4_0_ghost2_primary_r_x, blocks_4_0_ghost2_primary_r_x, blocks_4_0_ghost2_primary_r_xi, 15, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_4_0_ghost2_primary_r_xi, c, x, y, blocks_4_0_ghost2_primary_r_x, blocks_4_0_ghost2_primary_r_y, blocks_4_0_ghost2_primary_r_z});
    blocks_4_0_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_4_0_ghost2_primary_conv, y)
        .store_at(blocks_4_0_ghost2_primary_conv, blocks_4_0_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_4_0_se_gate
        .split(c, c, ci, 32, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_4_0_se_expand_acc
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_4_0_se_gate, ci)
        .reorder({ci, c});
    blocks_4_0_se_expand_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_4_0_se_expand_r_x});
    blocks_4_0_se_reduce
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c});
    blocks_4_0_se_reduce_acc
        .split(c, c, ci, 16, TailStrategy::ShiftInwards)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c});
    blocks_4_0_se_reduce_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_4_0_se_reduce_r_x});
    blocks_4_0_se_pool
        .split(c, c, ci, 32, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_4_0_se_pool_sum
        .split(c, c, ci, 32, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::RoundUp)
        .unroll(ci)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, c})
        .parallel(c);
    blocks_4_0_se_pool_sum.update(0)
        .split(c, c, ci, 32, TailStrategy::RoundUp)
        .split(ci, ci, cii, 16, TailStrategy::GuardWithIf)
        .unroll(ci)
        .vectorize(cii)
        .reorder({cii, ci, blocks_4_0_se_pool_r_x, blocks_4_0_se_pool_r_y, c})
        .parallel(c);
    blocks_4_0_se_conv_expand_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_4_0_se_conv_expand_weight
        .store_in(MemoryType::Stack)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_at(blocks_4_0_se_expand_acc, blocks_4_0_se_expand_r_x)
        .store_at(blocks_4_0_se_gate, ci)
        .reorder({coi, co, ci});
    blocks_4_0_ghost1
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_4_0_ghost1.update(0)
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .reorder({blocks_4_0_ghost1_intrinsic_x, xi, y, x})
        .parallel(x);
    blocks_4_0_ghost1.update(1)
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(blocks_4_0_ghost1_ghost_x, blocks_4_0_ghost1_ghost_x, blocks_4_0_ghost1_ghost_xi, 15, TailStrategy::RoundUp)
        .reorder({xi, blocks_4_0_ghost1_ghost_xi, y, blocks_4_0_ghost1_ghost_x, x})
        .parallel(x);
    blocks_4_0_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(blocks_4_0_ghost1, blocks_4_0_ghost1_ghost_xi)
        .store_at(blocks_4_0_ghost1, blocks_4_0_ghost1_ghost_x)
        .reorder({ci, c, x, y});
    constant_exterior_13
        .store_in(MemoryType::Stack)
        .split(x, x, xi, 2, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(xi)
        .vectorize(ci)
        .compute_at(blocks_4_0_ghost1, blocks_4_0_ghost1_ghost_xi)
        .reorder({ci, c, xi, x, y});
    repeat_edge_13
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(x)
        .vectorize(ci)
        .compute_at(constant_exterior_13, x)
        .reorder({ci, c, x, y});
    blocks_4_0_ghost1_primary
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, y, x})
        .parallel(x);
    blocks_4_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_4_0_ghost1_primary, c)
        .reorder({ci, c, x, y});
    blocks_4_0_ghost1_primary_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_4_0_ghost1_primary_r_y, blocks_4_0_ghost1_primary_r_z, x, y, blocks_4_0_ghost1_primary_r_x});
    blocks_4_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_4_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 10, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_4_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_4_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_4_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_4_0_ghost2_primary_conv_0_weight
        .split(co, co, coi, 5, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_4_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_4_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_3_0
        .split(x, x, xi, 4, TailStrategy::RoundUp)
        .split(y, y, yi, 4, TailStrategy::RoundUp)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c, xi, yi, y, x})
        .parallel(x);
    blocks_3_0_shortcut_pw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_3_0, c)
        .reorder({ci, c, x, y});
    blocks_3_0_shortcut_pw_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_3_0, c)
        .reorder({ci, c, x, y});
    blocks_3_0_shortcut_pw_conv.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, c, blocks_3_0_shortcut_pw_r_y, blocks_3_0_shortcut_pw_r_z, x, y, blocks_3_0_shortcut_pw_r_x});
    blocks_3_0_shortcut_dw
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_3_0, xi)
        .store_at(blocks_3_0, y)
        .reorder({ci, c, x, y});
    blocks_3_0_shortcut_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_3_0_shortcut_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .parallel(ky);
    blocks_3_0_shortcut_2_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_3_0_shortcut_2_weight
        .split(ci, ci, cii, 3, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .unroll(co)
        .unroll(cii)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_3_0_ghost2
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_3_0, xi)
        .reorder({ci, c, x, y});
    blocks_3_0_ghost2.update(0)
        .reorder({blocks_3_0_ghost2_intrinsic_x, x, y});
    blocks_3_0_ghost2.update(1)
        .reorder({blocks_3_0_ghost2_ghost_x, x, y});
    blocks_3_0_ghost2_primary_conv
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_3_0, y)
        .reorder({ci, c, x, y});
    blocks_3_0_ghost2_primary_conv.update(0)
        .split(blocks_3_0_ghost2_primary_r_x, blocks_3_0_ghost2_primary_r_x, blocks_3_0_ghost2_primary_r_xi, 8, TailStrategy::GuardWithIf)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_3_0_ghost2_primary_r_xi, c, y, x, blocks_3_0_ghost2_primary_r_x, blocks_3_0_ghost2_primary_r_y, blocks_3_0_ghost2_primary_r_z});
    blocks_3_0_se
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_at(blocks_3_0_ghost2_primary_conv, x)
        .store_at(blocks_3_0_ghost2_primary_conv, blocks_3_0_ghost2_primary_r_x)
        .reorder({ci, c, x, y});
    blocks_3_0_se_gate
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c})
        .parallel(c);
    blocks_3_0_se_expand_acc
        .split(c, c, ci, 16, TailStrategy::ShiftInwards)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c})
        .parallel(c);
    blocks_3_0_se_expand_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_3_0_se_expand_r_x, c})
        .parallel(c);
    blocks_3_0_se_reduce
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c});
    blocks_3_0_se_reduce_acc
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c});
    blocks_3_0_se_reduce_acc.update(0)
        .split(c, c, ci, 16, TailStrategy::GuardWithIf)
        .vectorize(ci)
        .reorder({ci, c, blocks_3_0_se_reduce_r_x});
    blocks_3_0_se_pool
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c})
        .parallel(c);
    blocks_3_0_se_pool_sum
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .compute_root()
        .reorder({ci, c})
        .parallel(c);
    blocks_3_0_se_pool_sum.update(0)
        .split(c, c, ci, 16, TailStrategy::RoundUp)
        .vectorize(ci)
        .reorder({ci, blocks_3_0_se_pool_r_x, blocks_3_0_se_pool_r_y, c})
        .parallel(c);
    blocks_3_0_se_conv_expand_weight
        .split(ci, ci, cii, 6, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci})
        .parallel(ci);
    constant_exterior_10
        .split(x, x, xi, 10, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .split(xi, xi, xii, 5, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_root()
        .reorder({yi, c, xii, y, xi, x})
        .parallel(x)
        .reorder_storage(y, c, x);
    repeat_edge_10
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(constant_exterior_10, c)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_3_0_ghost1
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(constant_exterior_10, xii)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_3_0_ghost1.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_3_0_ghost1_intrinsic_x, x});
    blocks_3_0_ghost1.update(1)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_3_0_ghost1_ghost_x, x});
    constant_exterior_9
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .unroll(x)
        .vectorize(yi)
        .compute_at(blocks_3_0_ghost1, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    repeat_edge_9
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .unroll(x)
        .vectorize(yi)
        .compute_at(blocks_3_0_ghost1, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_3_0_ghost1_primary
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(constant_exterior_10, xii)
        .store_at(constant_exterior_10, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_3_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_3_0_ghost1_primary, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_3_0_ghost1_primary_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_3_0_ghost1_primary_r_y, blocks_3_0_ghost1_primary_r_z, c, x, blocks_3_0_ghost1_primary_r_x});
    blocks_3_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_3_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 3, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .unroll(co)
        .unroll(cii)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_2_0
        .split(x, x, xi, 8, TailStrategy::RoundUp)
        .split(xi, xi, xii, 4, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_root()
        .reorder({yi, y, c, xii, xi, x})
        .parallel(x)
        .reorder_storage(y, c, x);
    blocks_2_0_ghost2
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_2_0, xii)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_2_0_ghost2.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_2_0_ghost2_intrinsic_x, x});
    blocks_2_0_ghost2.update(1)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_2_0_ghost2_ghost_x, x});
    blocks_2_0_ghost2_primary_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_2_0, xi)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_2_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, blocks_2_0_ghost2_primary_r_x, y, c, blocks_2_0_ghost2_primary_r_y, blocks_2_0_ghost2_primary_r_z, x});
    blocks_2_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_2_0_ghost2_primary_conv_0_weight
        .split(co, co, coi, 3, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .unroll(coi)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_2_0_ghost1
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_2_0_ghost2_primary_conv, blocks_2_0_ghost2_primary_r_y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_2_0_ghost1.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_2_0_ghost1_intrinsic_x, x});
    blocks_2_0_ghost1.update(1)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_2_0_ghost1_ghost_x, x});
    constant_exterior_7
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .unroll(x)
        .vectorize(yi)
        .compute_at(blocks_2_0_ghost1, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_2_0_ghost1_primary
        .store_in(MemoryType::Stack)
        .split(c, c, ci, 2, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_2_0_ghost2_primary_conv, blocks_2_0_ghost2_primary_r_y)
        .store_at(blocks_2_0, xi)
        .reorder({yi, y, ci, c, x})
        .reorder_storage(y, c, x);
    blocks_2_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_2_0_ghost1_primary, c)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_2_0_ghost1_primary_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, blocks_2_0_ghost1_primary_r_x, y, blocks_2_0_ghost1_primary_r_y, blocks_2_0_ghost1_primary_r_z, c, x});
    blocks_2_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_2_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 3, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .unroll(co)
        .unroll(cii)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_2_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_2_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_2_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_2_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_1_0
        .store_in(MemoryType::Stack)
        .split(x, x, xi, 3, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_2_0, xi)
        .reorder({yi, y, c, xi, x})
        .reorder_storage(y, c, x);
    blocks_1_0_shortcut_pw_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_shortcut_pw_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_1_0_shortcut_pw_r_y, blocks_1_0_shortcut_pw_r_z, c, x, blocks_1_0_shortcut_pw_r_x});
    blocks_1_0_shortcut_dw
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0, y)
        .store_at(blocks_1_0, x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    constant_exterior_6
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0, x)
        .store_at(blocks_2_0, xi)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_shortcut_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_1_0_shortcut_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_1_0_shortcut_2_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_1_0_shortcut_2_weight
        .split(ci, ci, cii, 4, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .unroll(cii)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_1_0_ghost2
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0, x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_ghost2.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_1_0_ghost2_intrinsic_x, x});
    blocks_1_0_ghost2.update(1)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, x, blocks_1_0_ghost2_ghost_x});
    constant_exterior_5
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .unroll(x)
        .vectorize(yi)
        .compute_at(blocks_1_0_ghost2, y)
        .store_at(blocks_1_0_ghost2, blocks_1_0_ghost2_ghost_x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_ghost2_primary_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0, x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, c, x, blocks_1_0_ghost2_primary_r_x, blocks_1_0_ghost2_primary_r_y, blocks_1_0_ghost2_primary_r_z});
    blocks_1_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_1_0_ghost2_primary_conv_0_weight
        .split(co, co, coi, 3, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .unroll(ci)
        .unroll(coi)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_1_0_dw
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0_ghost2_primary_conv, c)
        .store_at(blocks_1_0_ghost2_primary_conv, blocks_1_0_ghost2_primary_r_x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    constant_exterior_4
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0_ghost2_primary_conv, blocks_1_0_ghost2_primary_r_x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_ghost1
        .split(x, x, xi, 16, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_root()
        .reorder({yi, y, c, xi, x})
        .parallel(x)
        .reorder_storage(y, c, x);
    blocks_1_0_ghost1.update(0)
        .split(x, x, xi, 16, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_1_0_ghost1_intrinsic_x, xi, x})
        .parallel(x);
    blocks_1_0_ghost1.update(1)
        .split(x, x, xi, 16, TailStrategy::RoundUp)
        .split(xi, xi, xii, 8, TailStrategy::GuardWithIf)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, xii, y, blocks_1_0_ghost1_ghost_x, xi, x})
        .parallel(x);
    blocks_1_0_ghost1_cheap
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_1_0_ghost1, y)
        .store_at(blocks_1_0_ghost1, blocks_1_0_ghost1_ghost_x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_ghost1_cheap_padded
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .vectorize(yi)
        .compute_at(blocks_1_0_ghost1_cheap, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    repeat_edge_3
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .vectorize(yi)
        .compute_at(blocks_1_0_ghost1_cheap_padded, c)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_1_0_ghost1_primary_conv
        .split(x, x, xi, 16, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_root()
        .reorder({yi, y, c, xi, x})
        .parallel(x)
        .reorder_storage(y, c, x);
    blocks_1_0_ghost1_primary_conv.update(0)
        .split(x, x, xi, 16, TailStrategy::RoundUp)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, blocks_1_0_ghost1_primary_r_x, y, c, xi, blocks_1_0_ghost1_primary_r_y, blocks_1_0_ghost1_primary_r_z, x})
        .parallel(x);
    blocks_1_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_1_0_ghost1_primary_conv_0_weight
        .split(ci, ci, cii, 4, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .unroll(cii)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_0_0
        .split(x, x, xi, 16, TailStrategy::ShiftInwards)
        .split(xi, xi, xii, 8, TailStrategy::ShiftInwards)
        .split(xii, xii, xiii, 2, TailStrategy::ShiftInwards)
        .split(y, y, yi, 16, TailStrategy::ShiftInwards)
        .vectorize(yi)
        .compute_root()
        .reorder({yi, y, c, xiii, xii, xi, x})
        .parallel(x)
        .reorder_storage(y, c, x);
    blocks_0_0_ghost2
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0, xiii)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_0_0_ghost2.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_0_0_ghost2_intrinsic_x, x});
    blocks_0_0_ghost2.update(1)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_0_0_ghost2_ghost_x, x});
    blocks_0_0_ghost2_primary_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0, xiii)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_0_0_ghost2_primary_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(c)
        .vectorize(yi)
        .reorder({yi, c, blocks_0_0_ghost2_primary_r_x, x, y, blocks_0_0_ghost2_primary_r_y, blocks_0_0_ghost2_primary_r_z});
    blocks_0_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_0_0_ghost2_primary_conv_0_weight
        .split(co, co, coi, 2, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::GuardWithIf)
        .unroll(coi)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_0_0_ghost1
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0_ghost2_primary_conv, x)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_0_0_ghost1.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_0_0_ghost1_intrinsic_x, x});
    blocks_0_0_ghost1.update(1)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, y, blocks_0_0_ghost1_ghost_x, x});
    blocks_0_0_ghost1_cheap_padded
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .unroll(y)
        .unroll(x)
        .vectorize(yi)
        .compute_at(blocks_0_0_ghost1, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    constant_exterior_1
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0_ghost2_primary_conv, x)
        .store_at(blocks_0_0_ghost2_primary_conv, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    repeat_edge_1
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0_ghost2_primary_conv, x)
        .store_at(blocks_0_0_ghost2_primary_conv, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_0_0_ghost1_primary
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0_ghost2_primary_conv, x)
        .store_at(blocks_0_0_ghost2_primary_conv, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_0_0_ghost1_primary_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(blocks_0_0, xii)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    blocks_0_0_ghost1_primary_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, blocks_0_0_ghost1_primary_r_x, y, blocks_0_0_ghost1_primary_r_y, blocks_0_0_ghost1_primary_r_z, c, x});
    stem
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::ShiftInwards)
        .vectorize(yi)
        .compute_at(blocks_0_0, xii)
        .store_at(blocks_0_0, xi)
        .reorder({yi, c, x, y})
        .reorder_storage(y, c, x);
    stem_conv
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(stem, c)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    stem_conv.update(0)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .reorder({yi, stem_r_x, y, c, x, stem_r_y, stem_r_z});
    stem_padded
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::RoundUp)
        .vectorize(yi)
        .compute_at(stem, c)
        .store_at(stem, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    constant_exterior
        .store_in(MemoryType::Stack)
        .split(y, y, yi, 16, TailStrategy::ShiftInwards)
        .vectorize(yi)
        .compute_at(stem, y)
        .reorder({yi, y, c, x})
        .reorder_storage(y, c, x);
    input_chw
        .store_in(MemoryType::Stack)
        .split(x, x, xi, 16, TailStrategy::GuardWithIf)
        .vectorize(xi)
        .compute_at(constant_exterior, y)
        .reorder({xi, x, c, y})
        .reorder_storage(x, c, y);
    conv_stem_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    conv_stem_weight
        .split(co, co, coi, 4, TailStrategy::ShiftInwards)
        .split(kx, kx, kxi, 16, TailStrategy::GuardWithIf)
        .unroll(coi)
        .unroll(ky)
        .vectorize(kxi)
        .compute_root()
        .reorder({kxi, kx, coi, ky, co, ci})
        .parallel(co)
        .reorder_storage(kx, co, ci, ky);
    blocks_0_0_ghost1_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_0_0_ghost1_primary_conv_0_weight
        .split(co, co, coi, 2, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::GuardWithIf)
        .unroll(coi)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_0_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_0_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_0_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_0_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_1_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_1_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_1_0_conv_dw_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_1_0_conv_dw_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_1_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_1_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_3_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_3_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .unroll(ky)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ky, ch})
        .parallel(ch);
    blocks_3_0_conv_dw_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_3_0_conv_dw_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .parallel(ky);
    blocks_3_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_3_0_ghost2_primary_conv_0_weight
        .split(co, co, coi, 5, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co, kx, ky})
        .parallel(co)
        .reorder_storage(ci, co, kx, ky);
    blocks_3_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::GuardWithIf)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co});
    blocks_3_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::GuardWithIf)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    blocks_5_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 32, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_5_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 32, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_5_0_conv_dw_weight_b
        .split(co, co, coi, 64, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_5_0_conv_dw_weight
        .split(ch, ch, chi, 64, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_5_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_5_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_6_3_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 64, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_6_3_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 64, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_6_3_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_3_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 120, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_6_3_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_6_3_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(kx)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, kx, ch, ky})
        .fuse(ch, ky, ch)
        .parallel(ch);
    blocks_7_0_ghost1_cheap_operation_0_weight_b
        .split(co, co, coi, 96, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .unroll(coi)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    blocks_7_0_ghost1_cheap_operation_0_weight
        .split(ch, ch, chi, 96, TailStrategy::ShiftInwards)
        .split(chi, chi, chii, 16, TailStrategy::ShiftInwards)
        .vectorize(chii)
        .compute_root()
        .reorder({chii, chi, kx, ky, ch})
        .parallel(ch);
    blocks_7_0_ghost2_primary_conv_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_7_0_ghost2_primary_conv_0_weight
        .split(ci, ci, cii, 168, TailStrategy::ShiftInwards)
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co, cii, ci, kx, ky})
        .parallel(ci);
    blocks_7_0_ghost2_cheap_operation_0_weight_b
        .split(co, co, coi, 16, TailStrategy::ShiftInwards)
        .vectorize(coi)
        .compute_root()
        .reorder({coi, co})
        .parallel(co);
    blocks_7_0_ghost2_cheap_operation_0_weight
        .split(ch, ch, chi, 16, TailStrategy::ShiftInwards)
        .unroll(ch)
        .vectorize(chi)
        .compute_root()
        .reorder({chi, ch, kx, ky})
        .fuse(kx, ky, kx)
        .parallel(kx);
    conv_head_weight_b
        .split(co, co, coi, 640, TailStrategy::ShiftInwards)
        .split(coi, coi, coii, 16, TailStrategy::ShiftInwards)
        .vectorize(coii)
        .compute_root()
        .reorder({coii, coi, co})
        .parallel(co);
    classifier_weight
        .split(co, co, coi, 5, TailStrategy::ShiftInwards)
        .split(ci, ci, cii, 16, TailStrategy::ShiftInwards)
        .vectorize(cii)
        .compute_root()
        .reorder({cii, ci, coi, co})
        .parallel(co)
        .reorder_storage(ci, co);

}


inline const AutotunedFunc autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small_funcs[] = {
    {544, "logits"},
    {543, "classifier"},
    {542, "classifier_acc"},
    {541, "conv_head"},
    {540, "conv_head_acc"},
    {539, "head_pool"},
    {538, "head_pool_sum"},
    {537, "head_conv"},
    {536, "head_conv_conv"},
    {535, "blocks_9_0_conv_weight_b"},
    {534, "blocks_9_0_conv_weight"},
    {533, "blocks_8_3"},
    {532, "blocks_8_3_ghost2"},
    {531, "blocks_8_3_ghost2_cheap"},
    {530, "blocks_8_3_ghost2_cheap_padded"},
    {529, "constant_exterior_40"},
    {528, "repeat_edge_40"},
    {527, "blocks_8_3_ghost2_primary"},
    {526, "blocks_8_3_ghost2_primary_conv"},
    {525, "blocks_8_3_se"},
    {524, "blocks_8_3_se_gate"},
    {523, "blocks_8_3_se_expand"},
    {522, "blocks_8_3_se_expand_acc"},
    {521, "blocks_8_3_se_reduce"},
    {520, "blocks_8_3_se_reduce_acc"},
    {519, "blocks_8_3_se_pool"},
    {518, "blocks_8_3_se_pool_sum"},
    {517, "blocks_8_3_se_conv_reduce_weight_b"},
    {516, "blocks_8_3_se_conv_reduce_weight"},
    {515, "blocks_8_3_se_conv_expand_weight_b"},
    {514, "blocks_8_3_se_conv_expand_weight"},
    {513, "blocks_8_3_ghost1_1"},
    {512, "blocks_8_3_ghost1_cheap"},
    {511, "blocks_8_3_ghost1_cheap_padded"},
    {510, "constant_exterior_39"},
    {509, "repeat_edge_39"},
    {508, "blocks_8_3_ghost1_primary"},
    {507, "blocks_8_3_ghost1_primary_conv"},
    {506, "blocks_8_3_ghost1_primary_conv_0_weight_b"},
    {505, "blocks_8_3_ghost1_primary_conv_0_weight_1"},
    {504, "blocks_8_3_ghost1_cheap_operation_0_weight_b"},
    {503, "blocks_8_3_ghost1_cheap_operation_0_weight"},
    {502, "blocks_8_3_ghost2_primary_conv_0_weight_b"},
    {501, "blocks_8_3_ghost2_primary_conv_0_weight"},
    {500, "blocks_8_3_ghost2_cheap_operation_0_weight_b"},
    {499, "blocks_8_3_ghost2_cheap_operation_0_weight"},
    {498, "blocks_8_2"},
    {497, "blocks_8_2_ghost2"},
    {496, "blocks_8_2_ghost2_cheap"},
    {495, "blocks_8_2_ghost2_cheap_padded"},
    {494, "constant_exterior_38"},
    {493, "repeat_edge_38"},
    {492, "blocks_8_2_ghost2_primary_1"},
    {491, "blocks_8_2_ghost2_primary_conv"},
    {490, "blocks_8_2_ghost2_primary_conv_0_weight_b"},
    {489, "blocks_8_2_ghost2_primary_conv_0_weight"},
    {488, "blocks_8_2_ghost1"},
    {487, "blocks_8_2_ghost1_cheap"},
    {486, "blocks_8_2_ghost1_cheap_padded"},
    {485, "constant_exterior_37"},
    {484, "repeat_edge_37"},
    {483, "blocks_8_2_ghost1_primary"},
    {482, "blocks_8_2_ghost1_primary_conv"},
    {481, "blocks_8_2_ghost1_primary_conv_0_weight_b"},
    {480, "blocks_8_2_ghost1_primary_conv_0_weight"},
    {479, "blocks_8_2_ghost1_cheap_operation_0_weight_b"},
    {478, "blocks_8_2_ghost1_cheap_operation_0_weight"},
    {477, "blocks_8_2_ghost2_cheap_operation_0_weight_b"},
    {476, "blocks_8_2_ghost2_cheap_operation_0_weight"},
    {475, "blocks_8_1"},
    {474, "blocks_8_1_ghost2"},
    {473, "blocks_8_1_ghost2_cheap"},
    {472, "blocks_8_1_ghost2_cheap_padded"},
    {471, "constant_exterior_36"},
    {470, "repeat_edge_36"},
    {469, "blocks_8_1_ghost2_primary"},
    {468, "blocks_8_1_ghost2_primary_conv"},
    {467, "blocks_8_1_se"},
    {466, "blocks_8_1_se_gate"},
    {465, "blocks_8_1_se_expand"},
    {464, "blocks_8_1_se_expand_acc"},
    {463, "blocks_8_1_se_reduce"},
    {462, "blocks_8_1_se_reduce_acc"},
    {461, "blocks_8_1_se_pool"},
    {460, "blocks_8_1_se_pool_sum"},
    {459, "blocks_8_1_se_conv_reduce_weight_b"},
    {458, "blocks_8_1_se_conv_reduce_weight_1"},
    {457, "blocks_8_1_se_conv_expand_weight_b"},
    {456, "blocks_8_1_se_conv_expand_weight"},
    {455, "blocks_8_1_ghost1"},
    {454, "blocks_8_1_ghost1_cheap"},
    {453, "blocks_8_1_ghost1_cheap_padded"},
    {452, "constant_exterior_35"},
    {451, "repeat_edge_35"},
    {450, "blocks_8_1_ghost1_primary"},
    {449, "blocks_8_1_ghost1_primary_conv"},
    {448, "blocks_8_1_ghost1_primary_conv_0_weight_b"},
    {447, "blocks_8_1_ghost1_primary_conv_0_weight"},
    {446, "blocks_8_1_ghost1_cheap_operation_0_weight_b"},
    {445, "blocks_8_1_ghost1_cheap_operation_0_weight"},
    {444, "blocks_8_1_ghost2_primary_conv_0_weight_b"},
    {443, "blocks_8_1_ghost2_primary_conv_0_weight"},
    {442, "blocks_8_1_ghost2_cheap_operation_0_weight_b"},
    {441, "blocks_8_1_ghost2_cheap_operation_0_weight"},
    {440, "blocks_8_0"},
    {439, "blocks_8_0_ghost2"},
    {438, "blocks_8_0_ghost2_cheap"},
    {437, "blocks_8_0_ghost2_cheap_padded"},
    {436, "constant_exterior_34"},
    {435, "repeat_edge_34"},
    {434, "blocks_8_0_ghost2_primary"},
    {433, "blocks_8_0_ghost2_primary_conv"},
    {432, "blocks_8_0_ghost2_primary_conv_0_weight_b"},
    {431, "blocks_8_0_ghost2_primary_conv_0_weight"},
    {430, "blocks_8_0_ghost1"},
    {429, "blocks_8_0_ghost1_cheap"},
    {428, "blocks_8_0_ghost1_cheap_padded"},
    {427, "constant_exterior_33"},
    {426, "repeat_edge_33"},
    {425, "blocks_8_0_ghost1_primary"},
    {424, "blocks_8_0_ghost1_primary_conv"},
    {423, "blocks_8_0_ghost1_primary_conv_0_weight_b"},
    {422, "blocks_8_0_ghost1_primary_conv_0_weight"},
    {421, "blocks_8_0_ghost1_cheap_operation_0_weight_b"},
    {420, "blocks_8_0_ghost1_cheap_operation_0_weight"},
    {419, "blocks_8_0_ghost2_cheap_operation_0_weight_b"},
    {418, "blocks_8_0_ghost2_cheap_operation_0_weight"},
    {417, "blocks_7_0"},
    {416, "blocks_7_0_shortcut_pw"},
    {415, "blocks_7_0_shortcut_pw_conv"},
    {414, "blocks_7_0_shortcut_dw"},
    {413, "blocks_7_0_shortcut_dw_padded"},
    {412, "constant_exterior_32"},
    {411, "repeat_edge_32"},
    {410, "blocks_7_0_shortcut_0_weight_b"},
    {409, "blocks_7_0_shortcut_0_weight"},
    {408, "blocks_7_0_shortcut_2_weight_b"},
    {407, "blocks_7_0_shortcut_2_weight"},
    {406, "blocks_7_0_ghost2"},
    {405, "blocks_7_0_ghost2_cheap"},
    {404, "blocks_7_0_ghost2_cheap_padded"},
    {403, "constant_exterior_31"},
    {402, "repeat_edge_31"},
    {401, "blocks_7_0_ghost2_primary"},
    {400, "blocks_7_0_ghost2_primary_conv"},
    {399, "blocks_7_0_se"},
    {398, "blocks_7_0_se_gate"},
    {397, "blocks_7_0_se_expand"},
    {396, "blocks_7_0_se_expand_acc"},
    {395, "blocks_7_0_se_reduce"},
    {394, "blocks_7_0_se_reduce_acc"},
    {393, "blocks_7_0_se_pool"},
    {392, "blocks_7_0_se_pool_sum"},
    {391, "blocks_7_0_se_conv_reduce_weight_b"},
    {390, "blocks_7_0_se_conv_reduce_weight"},
    {389, "blocks_7_0_se_conv_expand_weight_b"},
    {388, "blocks_7_0_se_conv_expand_weight"},
    {387, "blocks_7_0_ghost1"},
    {386, "blocks_7_0_ghost1_cheap"},
    {385, "blocks_7_0_ghost1_cheap_padded"},
    {384, "constant_exterior_30"},
    {383, "repeat_edge_30"},
    {382, "blocks_7_0_ghost1_primary"},
    {381, "blocks_7_0_ghost1_primary_conv"},
    {380, "blocks_7_0_ghost1_primary_conv_0_weight_b"},
    {379, "blocks_7_0_ghost1_primary_conv_0_weight"},
    {378, "blocks_6_4_1"},
    {377, "blocks_6_4_ghost2"},
    {376, "blocks_6_4_ghost2_cheap"},
    {375, "blocks_6_4_ghost2_cheap_padded"},
    {374, "constant_exterior_29"},
    {373, "repeat_edge_29"},
    {372, "blocks_6_4_ghost2_primary"},
    {371, "blocks_6_4_ghost2_primary_conv"},
    {370, "blocks_6_4_se"},
    {369, "blocks_6_4_se_gate"},
    {368, "blocks_6_4_se_expand"},
    {367, "blocks_6_4_se_expand_acc"},
    {366, "blocks_6_4_se_reduce"},
    {365, "blocks_6_4_se_reduce_acc"},
    {364, "blocks_6_4_se_pool"},
    {363, "blocks_6_4_se_pool_sum"},
    {362, "blocks_6_4_se_conv_reduce_weight_b"},
    {361, "blocks_6_4_se_conv_reduce_weight"},
    {360, "blocks_6_4_se_conv_expand_weight_b"},
    {359, "blocks_6_4_se_conv_expand_weight"},
    {358, "blocks_6_4_ghost1"},
    {357, "blocks_6_4_ghost1_cheap"},
    {356, "blocks_6_4_ghost1_cheap_padded"},
    {355, "constant_exterior_28"},
    {354, "repeat_edge_28"},
    {353, "blocks_6_4_ghost1_primary"},
    {352, "blocks_6_4_ghost1_primary_conv"},
    {351, "blocks_6_4_ghost1_primary_conv_0_weight_b"},
    {350, "blocks_6_4_ghost1_primary_conv_0_weight"},
    {349, "blocks_6_4_ghost1_cheap_operation_0_weight_b"},
    {348, "blocks_6_4_ghost1_cheap_operation_0_weight"},
    {347, "blocks_6_4_ghost2_primary_conv_0_weight_b"},
    {346, "blocks_6_4_ghost2_primary_conv_0_weight"},
    {345, "blocks_6_4_ghost2_cheap_operation_0_weight_b"},
    {344, "blocks_6_4_ghost2_cheap_operation_0_weight"},
    {343, "blocks_6_3"},
    {342, "blocks_6_3_shortcut_pw"},
    {341, "blocks_6_3_shortcut_pw_conv"},
    {340, "blocks_6_3_shortcut_dw"},
    {339, "blocks_6_3_shortcut_dw_padded"},
    {338, "constant_exterior_27"},
    {337, "repeat_edge_27"},
    {336, "blocks_6_3_shortcut_0_weight_b"},
    {335, "blocks_6_3_shortcut_0_weight"},
    {334, "blocks_6_3_shortcut_2_weight_b"},
    {333, "blocks_6_3_shortcut_2_weight"},
    {332, "blocks_6_3_ghost2"},
    {331, "blocks_6_3_ghost2_cheap"},
    {330, "blocks_6_3_ghost2_cheap_padded"},
    {329, "constant_exterior_26"},
    {328, "repeat_edge_26"},
    {327, "blocks_6_3_ghost2_primary"},
    {326, "blocks_6_3_ghost2_primary_conv"},
    {325, "blocks_6_3_se"},
    {324, "blocks_6_3_se_gate"},
    {323, "blocks_6_3_se_expand"},
    {322, "blocks_6_3_se_expand_acc"},
    {321, "blocks_6_3_se_reduce"},
    {320, "blocks_6_3_se_reduce_acc"},
    {319, "blocks_6_3_se_pool"},
    {318, "blocks_6_3_se_pool_sum"},
    {317, "blocks_6_3_se_conv_reduce_weight_b"},
    {316, "blocks_6_3_se_conv_reduce_weight"},
    {315, "blocks_6_3_se_conv_expand_weight_b"},
    {314, "blocks_6_3_se_conv_expand_weight"},
    {313, "blocks_6_3_ghost1"},
    {312, "blocks_6_3_ghost1_cheap"},
    {311, "blocks_6_3_ghost1_cheap_padded"},
    {310, "constant_exterior_25"},
    {309, "repeat_edge_25"},
    {308, "blocks_6_3_ghost1_primary"},
    {307, "blocks_6_3_ghost1_primary_conv"},
    {306, "blocks_6_3_ghost1_primary_conv_0_weight_b_1"},
    {305, "blocks_6_3_ghost1_primary_conv_0_weight"},
    {304, "blocks_6_2"},
    {303, "blocks_6_2_ghost2"},
    {302, "blocks_6_2_ghost2_cheap"},
    {301, "blocks_6_2_ghost2_cheap_padded"},
    {300, "constant_exterior_24"},
    {299, "repeat_edge_24"},
    {298, "blocks_6_2_ghost2_primary"},
    {297, "blocks_6_2_ghost2_primary_conv_1"},
    {296, "blocks_6_2_ghost2_primary_conv_0_weight_b"},
    {295, "blocks_6_2_ghost2_primary_conv_0_weight"},
    {294, "blocks_6_2_ghost1"},
    {293, "blocks_6_2_ghost1_cheap"},
    {292, "blocks_6_2_ghost1_cheap_padded"},
    {291, "constant_exterior_23"},
    {290, "repeat_edge_23"},
    {289, "blocks_6_2_ghost1_primary"},
    {288, "blocks_6_2_ghost1_primary_conv"},
    {287, "blocks_6_2_ghost1_primary_conv_0_weight_b"},
    {286, "blocks_6_2_ghost1_primary_conv_0_weight"},
    {285, "blocks_6_2_ghost1_cheap_operation_0_weight_b"},
    {284, "blocks_6_2_ghost1_cheap_operation_0_weight"},
    {283, "blocks_6_2_ghost2_cheap_operation_0_weight_b"},
    {282, "blocks_6_2_ghost2_cheap_operation_0_weight"},
    {281, "blocks_6_1"},
    {280, "blocks_6_1_ghost2"},
    {279, "blocks_6_1_ghost2_cheap"},
    {278, "blocks_6_1_ghost2_cheap_padded"},
    {277, "constant_exterior_22"},
    {276, "repeat_edge_22"},
    {275, "blocks_6_1_ghost2_primary_1"},
    {274, "blocks_6_1_ghost2_primary_conv"},
    {273, "blocks_6_1_ghost2_primary_conv_0_weight_b"},
    {272, "blocks_6_1_ghost2_primary_conv_0_weight"},
    {271, "blocks_6_1_ghost1"},
    {270, "blocks_6_1_ghost1_cheap_1"},
    {269, "blocks_6_1_ghost1_cheap_padded"},
    {268, "constant_exterior_21"},
    {267, "repeat_edge_21"},
    {266, "blocks_6_1_ghost1_primary"},
    {265, "blocks_6_1_ghost1_primary_conv"},
    {264, "blocks_6_1_ghost1_primary_conv_0_weight_b"},
    {263, "blocks_6_1_ghost1_primary_conv_0_weight"},
    {262, "blocks_6_1_ghost1_cheap_operation_0_weight_b"},
    {261, "blocks_6_1_ghost1_cheap_operation_0_weight"},
    {260, "blocks_6_1_ghost2_cheap_operation_0_weight_b"},
    {259, "blocks_6_1_ghost2_cheap_operation_0_weight"},
    {258, "blocks_6_0"},
    {257, "blocks_6_0_ghost2"},
    {256, "blocks_6_0_ghost2_cheap"},
    {255, "blocks_6_0_ghost2_cheap_padded"},
    {254, "constant_exterior_20"},
    {253, "repeat_edge_20"},
    {252, "blocks_6_0_ghost2_primary"},
    {251, "blocks_6_0_ghost2_primary_conv"},
    {250, "blocks_6_0_ghost2_primary_conv_0_weight_b_1"},
    {249, "blocks_6_0_ghost2_primary_conv_0_weight"},
    {248, "blocks_6_0_ghost1"},
    {247, "blocks_6_0_ghost1_cheap"},
    {246, "blocks_6_0_ghost1_cheap_padded"},
    {245, "constant_exterior_19"},
    {244, "repeat_edge_19"},
    {243, "blocks_6_0_ghost1_primary"},
    {242, "blocks_6_0_ghost1_primary_conv"},
    {241, "blocks_6_0_ghost1_primary_conv_0_weight_b"},
    {240, "blocks_6_0_ghost1_primary_conv_0_weight"},
    {239, "blocks_6_0_ghost1_cheap_operation_0_weight_b"},
    {238, "blocks_6_0_ghost1_cheap_operation_0_weight"},
    {237, "blocks_6_0_ghost2_cheap_operation_0_weight_b"},
    {236, "blocks_6_0_ghost2_cheap_operation_0_weight"},
    {235, "blocks_5_0"},
    {234, "blocks_5_0_shortcut_pw"},
    {233, "blocks_5_0_shortcut_pw_conv"},
    {232, "blocks_5_0_shortcut_dw"},
    {231, "blocks_5_0_shortcut_dw_padded"},
    {230, "constant_exterior_18"},
    {229, "repeat_edge_18"},
    {228, "blocks_5_0_shortcut_0_weight_b"},
    {227, "blocks_5_0_shortcut_0_weight"},
    {226, "blocks_5_0_shortcut_2_weight_b"},
    {225, "blocks_5_0_shortcut_2_weight"},
    {224, "blocks_5_0_ghost2"},
    {223, "blocks_5_0_ghost2_cheap"},
    {222, "blocks_5_0_ghost2_cheap_padded"},
    {221, "constant_exterior_17"},
    {220, "repeat_edge_17"},
    {219, "blocks_5_0_ghost2_primary"},
    {218, "blocks_5_0_ghost2_primary_conv"},
    {217, "blocks_5_0_ghost2_primary_conv_0_weight_b"},
    {216, "blocks_5_0_ghost2_primary_conv_0_weight"},
    {215, "blocks_5_0_dw"},
    {214, "blocks_5_0_dw_padded"},
    {213, "constant_exterior_16"},
    {212, "repeat_edge_16"},
    {211, "blocks_5_0_ghost1"},
    {210, "blocks_5_0_ghost1_cheap"},
    {209, "blocks_5_0_ghost1_cheap_padded"},
    {208, "constant_exterior_15"},
    {207, "repeat_edge_15"},
    {206, "blocks_5_0_ghost1_primary"},
    {205, "blocks_5_0_ghost1_primary_conv"},
    {204, "blocks_5_0_ghost1_primary_conv_0_weight_b"},
    {203, "blocks_5_0_ghost1_primary_conv_0_weight"},
    {202, "blocks_4_0"},
    {201, "blocks_4_0_ghost2"},
    {200, "blocks_4_0_ghost2_cheap"},
    {199, "blocks_4_0_ghost2_cheap_padded"},
    {198, "constant_exterior_14"},
    {197, "repeat_edge_14"},
    {196, "blocks_4_0_ghost2_primary"},
    {195, "blocks_4_0_ghost2_primary_conv"},
    {194, "blocks_4_0_se"},
    {193, "blocks_4_0_se_gate"},
    {192, "blocks_4_0_se_expand"},
    {191, "blocks_4_0_se_expand_acc"},
    {190, "blocks_4_0_se_reduce"},
    {189, "blocks_4_0_se_reduce_acc"},
    {188, "blocks_4_0_se_pool"},
    {187, "blocks_4_0_se_pool_sum"},
    {186, "blocks_4_0_se_conv_reduce_weight_b"},
    {185, "blocks_4_0_se_conv_reduce_weight"},
    {184, "blocks_4_0_se_conv_expand_weight_b"},
    {183, "blocks_4_0_se_conv_expand_weight"},
    {182, "blocks_4_0_ghost1"},
    {181, "blocks_4_0_ghost1_cheap"},
    {180, "blocks_4_0_ghost1_cheap_padded"},
    {179, "constant_exterior_13"},
    {178, "repeat_edge_13"},
    {177, "blocks_4_0_ghost1_primary"},
    {176, "blocks_4_0_ghost1_primary_conv"},
    {175, "blocks_4_0_ghost1_primary_conv_0_weight_b"},
    {174, "blocks_4_0_ghost1_primary_conv_0_weight"},
    {173, "blocks_4_0_ghost1_cheap_operation_0_weight_b"},
    {172, "blocks_4_0_ghost1_cheap_operation_0_weight"},
    {171, "blocks_4_0_ghost2_primary_conv_0_weight_b"},
    {170, "blocks_4_0_ghost2_primary_conv_0_weight"},
    {169, "blocks_4_0_ghost2_cheap_operation_0_weight_b"},
    {168, "blocks_4_0_ghost2_cheap_operation_0_weight"},
    {167, "blocks_3_0"},
    {166, "blocks_3_0_shortcut_pw"},
    {165, "blocks_3_0_shortcut_pw_conv"},
    {164, "blocks_3_0_shortcut_dw"},
    {163, "blocks_3_0_shortcut_dw_padded"},
    {162, "constant_exterior_12"},
    {161, "repeat_edge_12"},
    {160, "blocks_3_0_shortcut_0_weight_b"},
    {159, "blocks_3_0_shortcut_0_weight"},
    {158, "blocks_3_0_shortcut_2_weight_b"},
    {157, "blocks_3_0_shortcut_2_weight"},
    {156, "blocks_3_0_ghost2"},
    {155, "blocks_3_0_ghost2_cheap"},
    {154, "blocks_3_0_ghost2_cheap_padded"},
    {153, "constant_exterior_11"},
    {152, "repeat_edge_11"},
    {151, "blocks_3_0_ghost2_primary"},
    {150, "blocks_3_0_ghost2_primary_conv"},
    {149, "blocks_3_0_se"},
    {148, "blocks_3_0_se_gate"},
    {147, "blocks_3_0_se_expand"},
    {146, "blocks_3_0_se_expand_acc"},
    {145, "blocks_3_0_se_reduce"},
    {144, "blocks_3_0_se_reduce_acc"},
    {143, "blocks_3_0_se_pool"},
    {142, "blocks_3_0_se_pool_sum"},
    {141, "blocks_3_0_se_conv_reduce_weight_b"},
    {140, "blocks_3_0_se_conv_reduce_weight"},
    {139, "blocks_3_0_se_conv_expand_weight_b"},
    {138, "blocks_3_0_se_conv_expand_weight"},
    {137, "blocks_3_0_dw"},
    {136, "blocks_3_0_dw_padded"},
    {135, "constant_exterior_10"},
    {134, "repeat_edge_10"},
    {133, "blocks_3_0_ghost1"},
    {132, "blocks_3_0_ghost1_cheap"},
    {131, "blocks_3_0_ghost1_cheap_padded"},
    {130, "constant_exterior_9"},
    {129, "repeat_edge_9"},
    {128, "blocks_3_0_ghost1_primary"},
    {127, "blocks_3_0_ghost1_primary_conv"},
    {126, "blocks_3_0_ghost1_primary_conv_0_weight_b"},
    {125, "blocks_3_0_ghost1_primary_conv_0_weight"},
    {124, "blocks_2_0"},
    {123, "blocks_2_0_ghost2"},
    {122, "blocks_2_0_ghost2_cheap"},
    {121, "blocks_2_0_ghost2_cheap_padded"},
    {120, "constant_exterior_8"},
    {119, "repeat_edge_8"},
    {118, "blocks_2_0_ghost2_primary"},
    {117, "blocks_2_0_ghost2_primary_conv"},
    {116, "blocks_2_0_ghost2_primary_conv_0_weight_b"},
    {115, "blocks_2_0_ghost2_primary_conv_0_weight"},
    {114, "blocks_2_0_ghost1"},
    {113, "blocks_2_0_ghost1_cheap"},
    {112, "blocks_2_0_ghost1_cheap_padded"},
    {111, "constant_exterior_7"},
    {110, "repeat_edge_7"},
    {109, "blocks_2_0_ghost1_primary"},
    {108, "blocks_2_0_ghost1_primary_conv"},
    {107, "blocks_2_0_ghost1_primary_conv_0_weight_b"},
    {106, "blocks_2_0_ghost1_primary_conv_0_weight"},
    {105, "blocks_2_0_ghost1_cheap_operation_0_weight_b"},
    {104, "blocks_2_0_ghost1_cheap_operation_0_weight"},
    {103, "blocks_2_0_ghost2_cheap_operation_0_weight_b"},
    {102, "blocks_2_0_ghost2_cheap_operation_0_weight"},
    {101, "blocks_1_0"},
    {100, "blocks_1_0_shortcut_pw"},
    {99, "blocks_1_0_shortcut_pw_conv"},
    {98, "blocks_1_0_shortcut_dw"},
    {97, "blocks_1_0_shortcut_dw_padded"},
    {96, "constant_exterior_6"},
    {95, "repeat_edge_6"},
    {94, "blocks_1_0_shortcut_0_weight_b"},
    {93, "blocks_1_0_shortcut_0_weight"},
    {92, "blocks_1_0_shortcut_2_weight_b"},
    {91, "blocks_1_0_shortcut_2_weight"},
    {90, "blocks_1_0_ghost2"},
    {89, "blocks_1_0_ghost2_cheap"},
    {88, "blocks_1_0_ghost2_cheap_padded"},
    {87, "constant_exterior_5"},
    {86, "repeat_edge_5"},
    {85, "blocks_1_0_ghost2_primary"},
    {84, "blocks_1_0_ghost2_primary_conv"},
    {83, "blocks_1_0_ghost2_primary_conv_0_weight_b"},
    {82, "blocks_1_0_ghost2_primary_conv_0_weight"},
    {81, "blocks_1_0_dw"},
    {80, "blocks_1_0_dw_padded"},
    {79, "constant_exterior_4"},
    {78, "repeat_edge_4"},
    {77, "blocks_1_0_ghost1"},
    {76, "blocks_1_0_ghost1_cheap"},
    {75, "blocks_1_0_ghost1_cheap_padded"},
    {74, "constant_exterior_3"},
    {73, "repeat_edge_3"},
    {72, "blocks_1_0_ghost1_primary"},
    {71, "blocks_1_0_ghost1_primary_conv"},
    {70, "blocks_1_0_ghost1_primary_conv_0_weight_b"},
    {69, "blocks_1_0_ghost1_primary_conv_0_weight"},
    {68, "blocks_0_0"},
    {67, "blocks_0_0_ghost2"},
    {66, "blocks_0_0_ghost2_cheap"},
    {65, "blocks_0_0_ghost2_cheap_padded"},
    {64, "constant_exterior_2"},
    {63, "repeat_edge_2"},
    {62, "blocks_0_0_ghost2_primary"},
    {61, "blocks_0_0_ghost2_primary_conv"},
    {60, "blocks_0_0_ghost2_primary_conv_0_weight_b"},
    {59, "blocks_0_0_ghost2_primary_conv_0_weight"},
    {58, "blocks_0_0_ghost1"},
    {57, "blocks_0_0_ghost1_cheap"},
    {56, "blocks_0_0_ghost1_cheap_padded"},
    {55, "constant_exterior_1"},
    {54, "repeat_edge_1"},
    {53, "blocks_0_0_ghost1_primary"},
    {52, "blocks_0_0_ghost1_primary_conv"},
    {51, "stem"},
    {50, "stem_conv"},
    {49, "stem_padded"},
    {48, "constant_exterior"},
    {47, "repeat_edge"},
    {46, "input_chw"},
    {44, "conv_stem_weight_b"},
    {43, "conv_stem_weight"},
    {42, "blocks_0_0_ghost1_primary_conv_0_weight_b"},
    {41, "blocks_0_0_ghost1_primary_conv_0_weight"},
    {40, "blocks_0_0_ghost1_cheap_operation_0_weight_b"},
    {39, "blocks_0_0_ghost1_cheap_operation_0_weight"},
    {38, "blocks_0_0_ghost2_cheap_operation_0_weight_b"},
    {37, "blocks_0_0_ghost2_cheap_operation_0_weight"},
    {36, "blocks_1_0_ghost1_cheap_operation_0_weight_b"},
    {35, "blocks_1_0_ghost1_cheap_operation_0_weight"},
    {34, "blocks_1_0_conv_dw_weight_b"},
    {33, "blocks_1_0_conv_dw_weight"},
    {32, "blocks_1_0_ghost2_cheap_operation_0_weight_b"},
    {31, "blocks_1_0_ghost2_cheap_operation_0_weight"},
    {30, "blocks_3_0_ghost1_cheap_operation_0_weight_b"},
    {29, "blocks_3_0_ghost1_cheap_operation_0_weight"},
    {28, "blocks_3_0_conv_dw_weight_b"},
    {27, "blocks_3_0_conv_dw_weight"},
    {26, "blocks_3_0_ghost2_primary_conv_0_weight_b"},
    {25, "blocks_3_0_ghost2_primary_conv_0_weight"},
    {24, "blocks_3_0_ghost2_cheap_operation_0_weight_b"},
    {23, "blocks_3_0_ghost2_cheap_operation_0_weight"},
    {22, "blocks_5_0_ghost1_cheap_operation_0_weight_b"},
    {21, "blocks_5_0_ghost1_cheap_operation_0_weight"},
    {20, "blocks_5_0_conv_dw_weight_b"},
    {19, "blocks_5_0_conv_dw_weight"},
    {18, "blocks_5_0_ghost2_cheap_operation_0_weight_b"},
    {17, "blocks_5_0_ghost2_cheap_operation_0_weight"},
    {16, "blocks_6_3_ghost1_cheap_operation_0_weight_b"},
    {15, "blocks_6_3_ghost1_cheap_operation_0_weight"},
    {14, "blocks_6_3_ghost2_primary_conv_0_weight_b"},
    {13, "blocks_6_3_ghost2_primary_conv_0_weight"},
    {12, "blocks_6_3_ghost2_cheap_operation_0_weight_b"},
    {11, "blocks_6_3_ghost2_cheap_operation_0_weight"},
    {10, "blocks_7_0_ghost1_cheap_operation_0_weight_b"},
    {9, "blocks_7_0_ghost1_cheap_operation_0_weight"},
    {8, "blocks_7_0_ghost2_primary_conv_0_weight_b"},
    {7, "blocks_7_0_ghost2_primary_conv_0_weight"},
    {6, "blocks_7_0_ghost2_cheap_operation_0_weight_b"},
    {5, "blocks_7_0_ghost2_cheap_operation_0_weight"},
    {4, "conv_head_weight_b"},
    {3, "conv_head_weight"},
    {2, "classifier_weight_b"},
    {1, "classifier_weight"},
};

inline const AutotunedSchedule autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small = {"epyc-2core", "ghostnet_w050_s32_c1_k10_small", "x86-64-linux-avx-avx2-avx512-avx512_cannonlake-avx512_sapphirerapids-avx512_skylake-f16c-fma-sse41", "epyc-2core/ghostnet_w050_s32_c1_k10_small.schedule.h", autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small_funcs, 543, apply_autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small};

}  // namespace autotuned
}  // namespace schedules
}  // namespace ghostnet

#endif  // GHOSTNET_autotuned_epyc_2core__ghostnet_w050_s32_c1_k10_small_H
