"""Welsh and English for the notes of the Meek and ERS97 counts and of publishing per-class figures.

Part of the table in ``note_wording`` (kept apart only for length). Welsh puts a name after an impersonal
verb or a noun ("ystyriwyd Aled yn etholedig", "cyrhaeddodd Mair y cwota"), so nothing agrees with the
gender of whoever is named; a number of things takes the singular noun ("12.00 papur", "3 ailadroddiad").
"""

from __future__ import annotations

_DISTRIBUTED = ("Trosglwyddo'r gwargedion: {iterations_cy}", "Surpluses distributed: {iterations} iteration(s)")
_RESERVED = ("Seddi a gedwir i ddosbarthiadau", "Seats reserved per class")
_ELECTED_FOR_LIMITS = (
    "etholwyd {elected}: mae angen y seddi sy'n weddill ar gyfer terfynau seddi'r dosbarthiadau",
    "elected {elected}: the seats left are needed for the seat limits per class",
)
_DEFEATED = ("trechwyd {defeated}: {whys}", "defeated {defeated}: {whys}")

MEEK_WORDS: dict[str, tuple[str, str]] = {
    "meek_label_exact": ("Meek STV (Hill, Wichmann a Woodall, algorithm 123), rhifyddeg union", "{label}"),
    "meek_label_prf": ("Meek STV, rheol gyfeirio'r Proportional Representation Foundation ({places} lle degol)",
                       "{label}"),
    "meek_label_places": ("Meek STV, {places} lle degol", "{label}"),
    "meek_iteration_limit": (
        "cyrhaeddwyd y terfyn o {limit} ailadroddiad; trinnir y gwarged fel un sefydlog",
        "iteration limit {limit} reached; surplus treated as stable",
    ),
    "meek_constraint_elected": (f"{_RESERVED[0]}: {_ELECTED_FOR_LIMITS[0]}", f"{_RESERVED[1]}: {_ELECTED_FOR_LIMITS[1]}"),
    "meek_constraint_defeated": (f"{_RESERVED[0]}: {_DEFEATED[0]}", f"{_RESERVED[1]}: {_DEFEATED[1]}"),
    "meek_constraint_both": (f"{_RESERVED[0]}: {_ELECTED_FOR_LIMITS[0]}; {_DEFEATED[0]}",
                             f"{_RESERVED[1]}: {_ELECTED_FOR_LIMITS[1]}; {_DEFEATED[1]}"),
    "meek_surplus_elected": (f"{_DISTRIBUTED[0]}; cyrhaeddwyd y cwota", f"{_DISTRIBUTED[1]}; quota reached"),
    "meek_surplus_batch": (f"{_DISTRIBUTED[0]}; cafwyd ymgeiswyr sy'n sicr o golli",
                           f"{_DISTRIBUTED[1]}; certain losers found"),
    "meek_surplus_omega": (f"{_DISTRIBUTED[0]}; sefydlogodd y gwarged (o dan y terfyn)",
                           f"{_DISTRIBUTED[1]}; surplus settled (omega)"),
    "meek_surplus_stable": (f"{_DISTRIBUTED[0]}; sefydlogodd y gwarged (peidiodd â gostwng)",
                            f"{_DISTRIBUTED[1]}; surplus settled (stable)"),
    "meek_excluded_lowest": ("Eithrio {candidates}. Y bleidlais isaf", "Excluded {candidates}. Lowest vote"),
    "meek_excluded_batch": ("Eithrio {candidates}. Yn sicr o golli", "Excluded {candidates}. Certain losers"),
    "meek_remaining_elected": ("Ethol yr ymgeiswyr sy'n weddill: dim mwy na'r seddi gwag",
                               "Remaining candidates elected: no more than the unfilled seats"),
    "meek_remaining_elected_refused": (
        "Ethol yr ymgeiswyr sy'n weddill: dim mwy na'r seddi gwag (gwrthodwyd eraill gan derfynau seddi'r "
        "dosbarthiadau)",
        "Remaining candidates elected: no more than the unfilled seats (others refused by the seat limits per class)",
    ),
    "meek_all_filled": ("Pob sedd wedi'i llenwi: nid etholwyd yr ymgeiswyr sy'n weddill",
                        "All seats filled: remaining candidates not elected"),
}

ERS97_WORDS: dict[str, tuple[str, str]] = {
    "ers97_point": ("cam {stage}", "stage {stage}"),
    "ers97_point_batch": ("cam {stage}, swp ar {tv}", "stage {stage}, batch at {tv}"),
    "ers97_tie_point": ("y pwynt cynharaf lle'r oeddent yn wahanol: {point}", "earliest differing point: {point}"),
    "ers97_tie_point_then": ("{point}, yna {then}", "{point} then {then}"),
    "ers97_doomed_not_deemed": (
        "cyrhaeddodd {candidate} y cwota ond ni ellir ystyried yr ymgeisydd yn etholedig: {why} (seddi a gedwir i "
        "ddosbarthiadau)",
        "{candidate} reached the quota but may not be deemed elected: {why} (seats reserved per class)",
    ),
    "ers97_equal_every_point": (
        "roedd {candidates} yn gyfartal ym mhob pwynt, a rhy ychydig o leoedd: nid ystyriwyd neb yn etholedig yn "
        "y cam hwn (§5.6.2)",
        "{candidates} equal at every point with too few places: none deemed elected at this stage (§5.6.2)",
    ),
    "ers97_deemed_first": (
        "ystyriwyd {candidate} yn etholedig yn gyntaf o blith {candidates}: mwy o bleidleisiau yn y pwynt hwn: "
        "{point} (§5.6.2)",
        "{candidate} deemed elected first of {candidates}: more votes at {point} (§5.6.2)",
    ),
    "ers97_reached_quota": ("cyrhaeddodd {candidate} y cwota gyda {votes}", "{candidate} reached the quota with {votes}"),
    "ers97_reached_active": (
        "cyrhaeddodd {candidate} gyfanswm y bleidlais weithredol ÷ (lleoedd ar ôl + 1) gyda {votes}",
        "{candidate} reached the total active vote ÷ (places left + 1) with {votes}",
    ),
    "ers97_first": ("Dewisiadau cyntaf; cyfanswm y bleidlais ddilys {valid}, cwota {quota}",
                    "First preferences; total valid vote {valid}, quota {quota}"),
    "ers97_tv": ("gwerth trosglwyddo {surplus} ÷ {papers} papur = {tv} (wedi'i gwtogi)",
                 "transfer value {surplus} ÷ {papers} papers = {tv} (truncated)"),
    "ers97_present_value": (
        "nid yw'r papurau trosglwyddadwy, gwerth {value}, yn fwy na'r gwarged: mae pob un yn symud ar ei werth "
        "presennol",
        "transferable papers worth {value} do not exceed the surplus: each moves at its present value",
    ),
    "ers97_surplus": (
        "Gwarged {candidate} {surplus} ({reason}): archwiliwyd {examined} papur, {transferable} yn drosglwyddadwy; "
        "{how}; credydwyd {credited}, anhrosglwyddadwy {lost}",
        "Surplus of {candidate} {surplus} ({reason}): {examined} papers examined, {transferable} transferable; "
        "{how}; credited {credited}, non-transferable {lost}",
    ),
    "ers97_batch": ("swp ar {tv}: trosglwyddwyd {credited}, anhrosglwyddadwy {nt}",
                    "batch at {tv}: {credited} transferred, {nt} non-transferable"),
    "ers97_quota_recalculated": ("ailgyfrifwyd y cwota i {quota} heb y bleidlais anhrosglwyddadwy (§5.4.8)",
                                 "quota recalculated to {quota} without the non-transferable vote (§5.4.8)"),
    "ers97_kept": ("cam {stage}: cadwodd {candidate} {votes} (pob lle wedi'i lenwi)",
                   "stage {stage}: {candidate} kept {votes} (places filled)"),
    "ers97_exclusion": ("Eithrio {candidates} ({reason}); {steps}", "Exclusion of {candidates} ({reason}); {steps}"),
    "ers97_bulk": (
        "eithrio gyda'i gilydd: y {count} isaf, gyda'r gwargedion a ohiriwyd, heb fod yn fwy na'r nesaf (§5.2.5)",
        "bulk exclusion: {count} lowest together, with deferred surpluses, not above the next (§5.2.5)",
    ),
    "ers97_fewest": ("y lleiaf o bleidleisiau", "fewest votes"),
    "ers97_fewest_tie": ("y lleiaf o bleidleisiau; penderfynwyd rhwng pleidleisiau cyfartal drwy {how} (§5.2.5)",
                         "fewest votes; tie settled by {how} (§5.2.5)"),
    "ers97_largest_surplus": ("y gwarged mwyaf", "largest surplus"),
    "ers97_equal_surplus": ("gwargedion mwyaf cyfartal; penderfynwyd drwy {how} (§5.2.3)",
                            "equal largest surplus; settled by {how} (§5.2.3)"),
    "ers97_deferred": ("{reason}; gohiriwyd trosglwyddo'r gwarged: {wait}",
                       "{reason}; surplus transfer deferred: {wait}"),
    "ers97_defer_a": ("nid yw'r gwargedion {surplus} yn fwy na'r bwlch {gap} rhwng y ddau isaf (§5.2.2(a))",
                      "surpluses {surplus} do not exceed the gap {gap} between the two lowest (§5.2.2(a))"),
    "ers97_defer_b": (
        "nid yw'r gwargedion {surplus} yn fwy na'r bwlch {gap} rhwng y {count} isaf gyda'i gilydd a'r ymgeisydd "
        "nesaf uwch eu pennau (§5.2.2(b))",
        "surpluses {surplus} do not exceed the gap {gap} between the {count} lowest together and the candidate "
        "next above (§5.2.2(b))",
    ),
    "ers97_may_not_be_elected": ("ni ellir eu hethol: {whys} (seddi a gedwir i ddosbarthiadau)",
                                 "they may not be elected: {whys} (seats reserved per class)"),
    "ers97_places_for_limits": ("mae angen y lleoedd sy'n weddill ar gyfer terfynau seddi'r dosbarthiadau",
                                "the places left are needed for the seat limits per class"),
    "ers97_no_more_than_places": ("nid oes mwy o ymgeiswyr sy'n parhau nag o leoedd ar ôl (§5.5.1)",
                                  "no more continuing candidates than places left (§5.5.1)"),
    "ers97_deemed_elected": ("ystyriwyd {candidates} yn etholedig: {why}", "{candidates} deemed elected: {why}"),
    "ers97_deemed_elected_refused": (
        "ystyriwyd {candidates} yn etholedig: {why}; eithriwyd {refused} gan derfynau seddi'r dosbarthiadau",
        "{candidates} deemed elected: {why}; {refused} excluded by the seat limits per class",
    ),
    "ers97_exclusion_leaves": (
        "Byddai eithrio {candidates} ({reason}) yn gadael cymaint o ymgeiswyr sy'n parhau ag sydd o leoedd: "
        "ystyriwyd {elected} yn etholedig (§5.5.1)",
        "Exclusion of {candidates} ({reason}) would leave as many continuing candidates as places: {elected} "
        "deemed elected (§5.5.1)",
    ),
    "ers97_all_filled": ("Pob lle wedi'i lenwi: eithriwyd yr ymgeiswyr sy'n weddill yn ffurfiol (§5.5.2)",
                         "All places filled: remaining candidates formally excluded (§5.5.2)"),
    "plain": ("{text} (yn Saesneg yn unig)", "{text}"),
}

PLURALITY_WORDS: dict[str, tuple[str, str]] = {
    "plurality_fptp": ("cyfrif y pleidleisiau; etholir yr ymgeisydd â'r nifer mwyaf o bleidleisiau",
                       "votes counted; the candidate with the most votes is elected"),
    "plurality_block": ("cyfrif y pleidleisiau; etholir y {seats} ymgeisydd â'r nifer mwyaf o bleidleisiau",
                        "votes counted; the {seats} candidate(s) with the most votes are elected"),
    "plurality_approval": ("cyfrif y cymeradwyaethau; etholir y {seats} ymgeisydd â'r nifer mwyaf o gymeradwyaethau",
                           "approvals counted; the {seats} candidate(s) with the most approvals are elected"),
    "passed_over": ("hepgorwyd {candidate}: {why}", "{candidate} passed over: {why}"),
    "unfilled_no_eligible": ("{seats_cy} heb ei llenwi: nid oes ymgeisydd cymwys ar ôl",
                             "{seats} seat(s) left unfilled: no eligible candidate remains"),
}

PUBLISHING_WORDS: dict[str, tuple[str, str]] = {
    "privacy_merged": (
        "dangosir dosbarthiadau {classes} gyda'i gilydd fel {label} (pleidleisiodd llai na'r isafswm preifatrwydd)",
        "classes {classes} are published together as {label} (fewer than the privacy minimum voted)",
    ),
    "privacy_withheld": (
        "ni ddangosir y ffigurau fesul dosbarth: pleidleisiodd rhy ychydig mewn rhai dosbarthiadau i ddangos unrhyw "
        "ddosbarth ar ei ben ei hun",
        "per-class figures are withheld: too few voted in some classes to publish any class alone",
    ),
    "privacy_band_members": (
        "dosbarth {class_code}, band {band}: dim ond {members_cy}, llai na'r isafswm preifatrwydd o {minimum}; "
        "mae papur o'r band hwn yn sefyll allan yn y cyfrif ac yn y papurau a allforiwyd",
        "class {class_code}, band {band}: only {members} member(s), fewer than the privacy minimum of {minimum}; "
        "a paper of this band stands out in the count and in the exported ballots",
    ),
    "privacy_small_band": (
        "dosbarth {class_code}, band {band}: dim ond {papers_cy}, llai na'r isafswm preifatrwydd o {minimum}; fe'u "
        "cyfunwyd â bandiau eraill yn y ffigurau fesul band, ond mae gwerth pob papur yn y papurau a allforiwyd",
        "class {class_code}, band {band}: only {papers} paper(s), fewer than the privacy minimum of {minimum}; "
        "merged with other bands in the per-band figures, but each paper's value is in the exported ballots",
    ),
}
