//! The vocabulary of the points, one sentence each (written for these tests).

use super::*;

fn linker() -> Linker {
    let catalog = crate::catalog::Catalog::bundled().map_err(|e| e.to_string());
    let Ok(catalog) = catalog else {
        panic!("seeds parse")
    };
    let Ok(l) = Linker::new(&catalog.plan) else {
        panic!("vocabulary compiles")
    };
    l
}

#[test]
fn a_shared_word_beside_a_named_point_takes_no_default() {
    let l = linker();
    let a = l.analyse(
        "the United States will mediate a dialogue between Russia and NATO to resolve all security issues",
        &[],
    );
    let points: Vec<u8> = l.link(&a, true).iter().map(|p| p.number).collect();
    assert_eq!(
        points,
        [4],
        "NATO is the point 4 dialogue, not NATO membership (7)"
    );
    let a = l.analyse("Kyiv will never join NATO", &[]);
    let points: Vec<u8> = l.link(&a, true).iter().map(|p| p.number).collect();
    assert_eq!(points, [7], "alone, NATO keeps its default");
}

#[test]
fn a_shared_word_beside_a_named_point_leaves_the_other_shared_words_to_decide() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "The draft has Kyiv give up NATO membership, while getting guarantees shaped like NATO's"
        ),
        [5, 7],
        "the guarantees of the second clause are point 5 even though NATO is already point 7"
    );
}

#[test]
fn two_shared_words_that_agree_name_a_point() {
    let l = linker();
    let a = l.analyse("Kyiv would not write NATO into its constitution", &[]);
    assert!(l.names_a_point(&a), "{:?}", a.hits);
    assert_eq!(
        l.link(&a, true)
            .iter()
            .map(|p| p.number)
            .collect::<Vec<_>>(),
        [7]
    );
}

fn points(l: &Linker, text: &str) -> Vec<u8> {
    l.link(&l.analyse(text, &[]), true)
        .iter()
        .map(|p| p.number)
        .collect()
}

#[test]
fn territory_named_by_its_regions_and_the_front_is_point_21() {
    let l = linker();
    assert_eq!(
        points(&l, "Kherson would stay frozen along the line of contact"),
        [21]
    );
    assert_eq!(
        points(&l, "the deal would accept the facts on the ground"),
        [21]
    );
    // the Donbas by its common epithet
    assert_eq!(
        points(
            &l,
            "the fate of the eastern industrial heartland is for the leaders to settle"
        ),
        [21]
    );
}

#[test]
fn a_pledge_modelled_on_article_5_is_point_5_not_10() {
    let l = linker();
    assert_eq!(
        points(&l, "Washington offers a US guarantee modelled on Article 5"),
        [5]
    );
}

#[test]
fn army_limits_as_verb_phrases_are_point_6_but_russias_army_is_not() {
    let l = linker();
    assert_eq!(points(&l, "Kyiv would have to shrink its army"), [6]);
    assert_eq!(points(&l, "Kyiv would have to rein in its forces"), [6]);
    assert!(points(&l, "Russia's army keeps growing").is_empty());
}

#[test]
fn the_alliance_and_neutrality_are_point_7() {
    let l = linker();
    assert_eq!(points(&l, "Kyiv would never join the alliance"), [7]);
    assert_eq!(points(&l, "the text asks for permanent neutrality"), [7]);
}

#[test]
fn the_road_toward_the_eu_is_point_11_and_a_plant_described_is_point_19() {
    let l = linker();
    assert_eq!(points(&l, "the road toward the EU stays open"), [11]);
    assert_eq!(
        points(&l, "Europe's largest nuclear station would restart"),
        [19]
    );
}

#[test]
fn stray_words_decide_nothing() {
    let l = linker();
    assert_eq!(
        points(&l, "Washington would recognise Crimea as Russian"),
        [21]
    );
    assert!(
        points(&l, "the guarantee takes effect next year")
            .iter()
            .all(|&p| p != 28)
    );
    assert!(points(&l, "ministers urged more sanctions on Moscow").is_empty());
    assert!(points(&l, "a talk on European security in Oslo").is_empty());
    assert!(points(&l, "a binding text for all sides").is_empty());
    assert!(points(&l, "he warned of a renewed invasion").is_empty());
    assert!(points(&l, "it grew out of a Russian-language non-paper").is_empty());
}

fn points_of(l: &Linker, text: &str) -> Vec<u8> {
    l.link(&l.analyse(text, &[]), true)
        .iter()
        .map(|p| p.number)
        .collect()
}

#[test]
fn a_condition_is_a_clause_of_its_own() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "Kyiv may drop its bid to join NATO if it gets security guarantees modelled on Article 5"
        ),
        [5, 7]
    );
}

#[test]
fn the_pronoun_us_is_not_the_united_states() {
    let l = linker();
    assert_eq!(points_of(&l, "our partners must give us guarantees"), [5]);
    assert_eq!(points_of(&l, "the plan sets out a US guarantee"), [10]);
}

#[test]
fn a_longer_phrase_of_another_point_wins() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "Kyiv wants guarantees from the United States and Europe that are signed and ratified"
        ),
        [5]
    );
}

#[test]
fn a_sovereign_ukraine_is_a_point_and_stopping_the_killing_is_the_whole_plan() {
    let l = linker();
    // stopping the killing is what any deal is for, not the ceasefire clause of point 28
    assert_eq!(
        points_of(
            &l,
            "a deal should stop the killing, with Ukraine sovereign afterwards"
        ),
        [1]
    );
    assert_eq!(
        points_of(
            &l,
            "the ceasefire would take effect once both sides pull back"
        ),
        [28]
    );
    assert_eq!(
        points_of(&l, "Berlin might be contributing forces to Poland instead"),
        [8]
    );
}

#[test]
fn a_member_of_an_enumeration_takes_no_default() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "Washington, NATO and the Europeans give guarantees that mirror Article 5"
        ),
        [5]
    );
}

#[test]
fn a_party_among_the_countries_that_take_part_is_one_of_those_who_act() {
    let l = linker();
    // among countries that carry no word of the plan, "the EU" (or a bare "EU") sends envoys
    assert!(
        points_of(
            &l,
            "envoys from Spain, Poland, Norway, the EU and Ukraine discussed the text in Geneva"
        )
        .is_empty()
    );
    assert!(
        points_of(
            &l,
            "delegates of the US, Ukraine, EU, Spain, and Poland met"
        )
        .is_empty()
    );
    // alone, the EU keeps its default
    assert_eq!(points_of(&l, "Kyiv wants a firm date to join the EU"), [11]);
}

#[test]
fn a_topic_in_an_enumeration_keeps_its_point() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "the hard points - territory and relations between NATO, Russia and America - stay open"
        ),
        [4, 21]
    );
}

#[test]
fn a_verb_of_giving_up_and_a_word_for_land_are_point_21() {
    let l = linker();
    for text in [
        "Kyiv would be made to cede certain territories to Moscow",
        "the country would give up some of its land in the east",
    ] {
        let a = l.analyse(text, &[]);
        assert!(l.names_a_point(&a), "{text}: {:?}", a.hits);
        assert_eq!(points(&l, text), [21]);
    }
    // either word alone names no point
    let a = l.analyse("the delegation would not surrender its principles", &[]);
    assert!(!l.names_a_point(&a), "{:?}", a.hits);
    let a = l.analyse("the region expects more funding next year", &[]);
    assert!(!l.names_a_point(&a), "{:?}", a.hits);
}

#[test]
fn a_verb_of_cutting_and_a_word_for_the_forces_are_point_6() {
    let l = linker();
    assert_eq!(
        points(&l, "Kyiv would have to scale back its military"),
        [6]
    );
    assert_eq!(
        points(&l, "the nation would reduce its armed forces by half"),
        [6]
    );
    let a = l.analyse("the draft sets strict limits on its military posture", &[]);
    assert!(l.names_a_point(&a), "{:?}", a.hits);
    // one phrase is one word, however many weak words it holds
    let a = l.analyse("the minister praised its military forces", &[]);
    assert!(!l.names_a_point(&a), "{:?}", a.hits);
}

#[test]
fn a_word_stemmed_like_a_points_word_is_matched_as_written() {
    let l = linker();
    assert!(
        !points(&l, "critics said the draft would constitute a surrender").contains(&7),
        "constitute is not constitution"
    );
    assert_eq!(points(&l, "Kyiv would amend its constitution"), [7]);
    assert!(
        !points(&l, "terms he called absolutely unacceptable").contains(&26),
        "absolutely is not absolution"
    );
    assert_eq!(
        points(&l, "the clause grants absolution for war crimes"),
        [26]
    );
}

#[test]
fn a_fronted_aside_does_not_decide_when_the_rest_names_a_point() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "Beyond territory, the plan proposes an immediate ceasefire"
        ),
        [28]
    );
    assert_eq!(points(&l, "Beyond territory, little is settled"), [21]);
}

#[test]
fn a_party_followed_by_its_people_is_an_actor() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "EU officials opposed handing the frozen assets to a joint fund"
        ),
        [14]
    );
    assert!(
        !points(&l, "the plan names a neutral arbiter for disputes").contains(&7),
        "a neutral arbiter is not neutrality"
    );
}

#[test]
fn the_military_alliance_beside_troops_is_still_membership() {
    let l = linker();
    let p = points(
        &l,
        "no foreign troops would be stationed in Ukraine and Kyiv would agree never to join the military alliance",
    );
    assert!(p.contains(&7) && p.contains(&8), "{p:?}");
}

#[test]
fn where_an_attack_lands_is_not_the_territorial_settlement() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "a deliberate strike on Ukrainian territory would be treated as a threat to the transatlantic community"
        ),
        [5]
    );
}

#[test]
fn a_plant_described_but_not_named_is_point_19() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "Europe's biggest atomic station would be run by three parties"
        ),
        [19]
    );
}

#[test]
fn a_truce_after_both_sides_withdraw_is_point_28_not_the_territory() {
    let l = linker();
    assert_eq!(
        points(&l, "the truce would take effect once both sides withdraw"),
        [28]
    );
}

#[test]
fn the_eu_in_a_speakers_title_is_no_topic() {
    let l = linker();
    for text in [
        "the EU's top diplomat said the front line was holding near Pokrovsk",
        "EU foreign ministers agreed to meet again on Monday",
        "the EU foreign policy chief warned of more drone strikes",
    ] {
        assert!(!points(&l, text).contains(&11), "{text}");
    }
    assert!(points(&l, "Ukraine would be eligible for EU membership").contains(&11));
}

#[test]
fn sanctions_coming_back_after_an_attack_is_point_10() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "a fresh attack would bring every sanction straight back"
        ),
        [10]
    );
}

#[test]
fn barring_kyiv_from_nato_in_its_constitution_is_point_7() {
    let l = linker();
    assert_eq!(points(&l, "the text barred Kyiv from NATO"), [7]);
    assert_eq!(
        points(&l, "the draft kept Ukraine out of NATO for good"),
        [7]
    );
}

#[test]
fn a_guarantee_shaped_on_nato_is_point_5_and_the_alliance_growing_is_point_3() {
    let l = linker();
    assert_eq!(
        points(&l, "Kyiv gets a guarantee modelled on NATO rules"),
        [5]
    );
    assert_eq!(
        points(
            &l,
            "The draft would stop the military alliance from any future expansion"
        ),
        [3],
        "the military alliance itself is not membership (7)"
    );
}

#[test]
fn access_is_not_accession_and_eu_capitals_are_actors() {
    let l = linker();
    assert!(
        points(&l, "Moscow fears losing access to the money").is_empty(),
        "\"access\" stems like \"accession\""
    );
    assert_eq!(points(&l, "Kyiv seeks rapid EU accession"), [11]);
    assert!(
        points(
            &l,
            "any credible initiative must be backed by Kyiv and EU capitals"
        )
        .is_empty()
    );
}

#[test]
fn a_pledge_not_to_attack_is_point_16_and_a_nato_style_guarantee_point_5() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "Moscow only has to promise that it will not attack Ukraine"
        ),
        [16]
    );
    assert_eq!(
        points(&l, "Kyiv would get a NATO-style shield from Washington"),
        [5],
        "NATO-style describes the guarantee, not membership (7)"
    );
}

#[test]
fn the_four_buckets_of_the_plan_name_no_point() {
    let l = linker();
    assert!(
        points(
            &l,
            "the plan falls into peace in Ukraine, security guarantees, security in Europe and future relations"
        )
        .is_empty(),
        "\"Ukraine, security\" is no \"Ukraine's security\""
    );
}

#[test]
fn assurances_given_by_russia_are_its_pledge_and_a_dash_ends_a_clause() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "the West may get assurances from Russia \u{2014} such as a promise to leave Europe alone \u{2014} in writing"
        ),
        [16]
    );
}

#[test]
fn a_phrase_does_not_run_across_a_comma() {
    let l = linker();
    assert!(
        points(&l, "For people in Ukraine, security at home comes first").is_empty(),
        "\"Ukraine, security\" is no \"Ukraine's security\""
    );
    assert_eq!(
        points(&l, "the text promises \"reliable\" security guarantees"),
        [5],
        "quotation marks do not part a phrase"
    );
}

#[test]
fn a_cut_to_your_forces_is_point_6_and_an_oath_to_sovereignty_no_point() {
    let l = linker();
    assert_eq!(
        points(&l, "you are asked to reduce your forces by half"),
        [6]
    );
    assert!(points(&l, "he swore an oath to defend Ukraine's sovereignty").is_empty());
}

#[test]
fn a_strong_defence_capability_is_point_6() {
    let l = linker();
    assert_eq!(
        points(&l, "the aim is a strong Ukrainian defence capability"),
        [6]
    );
}

#[test]
fn initials_with_dots_read_as_the_letters() {
    let c = crate::catalog::Catalog::bundled().expect("seeds");
    let l = Linker::new(&c.plan).expect("linker");
    for t in [
        "Lisbon praised the U.S. initiative.",
        "Lisbon praised the US initiative.",
    ] {
        assert_eq!(
            l.analyse(t, &[]).plan_words,
            vec!["us initiative".to_string()],
            "{t}"
        );
    }
    assert_eq!(
        undot_initials("the U.S. and the E.U. met"),
        "the US   and the EU   met"
    );
    assert_eq!(undot_initials("a.m. talks in Kyiv"), "am   talks in Kyiv");
    assert_eq!(undot_initials("no initials here."), "no initials here.");
}

#[test]
fn nato_deciding_or_its_allies_acting_is_not_ukraine_joining() {
    let l = linker();
    assert!(points(&l, "every decision needs the consensus of NATO allies").is_empty());
    assert!(points(&l, "any change must have European and NATO consensus").is_empty());
    assert_eq!(points(&l, "Kyiv would give up on joining NATO"), [7]);
}

#[test]
fn the_trilateral_talks_are_the_plan_as_a_whole() {
    let l = linker();
    assert!(
        !l.analyse("the trilateral talks in Geneva were hard", &[])
            .plan_words
            .is_empty()
    );
    assert!(
        l.analyse("the talks in Geneva were hard", &[])
            .plan_words
            .is_empty()
    );
}

#[test]
fn absolution_for_the_aggression_is_point_26() {
    let l = linker();
    assert_eq!(points(&l, "Moscow would be absolved of all guilt"), [26]);
    assert_eq!(points(&l, "no responsibility for the aggression"), [26]);
}

#[test]
fn a_ceasefire_going_into_effect_is_point_28() {
    let l = linker();
    assert_eq!(
        points(&l, "the ceasefire would go into effect at once"),
        [28]
    );
    assert_eq!(
        points(&l, "a ceasefire comes into effect when both sign"),
        [28]
    );
}

#[test]
fn the_answer_to_a_new_attack_is_point_10() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "if Moscow were to invade again, all sanctions would be reimposed"
        ),
        [10]
    );
    assert_eq!(points(&l, "the allies would respond militarily"), [10]);
    // aggression in general is no term of the guarantee
    assert!(points(&l, "a smaller army would invite renewed aggression").len() <= 1);
    assert!(!points(&l, "a smaller army would invite renewed aggression").contains(&10));
}

#[test]
fn a_war_frozen_along_the_battle_lines_is_point_21() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "in return for freezing the war along the current battle lines"
        ),
        [21]
    );
}

#[test]
fn a_party_that_acts_is_no_topic_of_the_plan() {
    let l = linker();
    assert!(points(&l, "Kyiv and the EU have to be on board too").is_empty());
    assert!(points(&l, "Europe will stand with Ukraine").is_empty());
    // a topic still links: an object, an alternative after "or", the accession path
    assert_eq!(
        points(
            &l,
            "clauses concerning the EU or NATO could not be carried out"
        ),
        [7, 11]
    );
    assert_eq!(
        points(&l, "Ukraine would be eligible for EU membership"),
        [11]
    );
}

#[test]
fn caps_on_the_military_in_any_word_order_are_point_6() {
    let l = linker();
    assert_eq!(points(&l, "we are concerned about caps on military"), [6]);
    assert_eq!(points(&l, "the troop cap stays a sticking point"), [6]);
}

#[test]
fn the_alliance_s_headquarters_is_a_place_not_point_7() {
    let l = linker();
    assert!(
        !points(
            &l,
            "speaking from the alliance's headquarters, he praised the talks"
        )
        .contains(&7)
    );
    assert_eq!(points(&l, "Ukraine would never join the alliance"), [7]);
}

#[test]
fn land_changing_hands_and_restrictions_on_the_army_as_phrases() {
    let l = linker();
    assert_eq!(
        points(&l, "Moscow will receive territories it never took"),
        [21]
    );
    assert_eq!(
        points(&l, "lopsided military restrictions apply to Kyiv alone"),
        [6]
    );
}

#[test]
fn a_text_withdrawn_is_no_withdrawal_of_troops() {
    let l = linker();
    assert!(
        !points(
            &l,
            "any provision could still be renegotiated, amended, or withdrawn"
        )
        .contains(&21)
    );
    assert_eq!(
        points(&l, "Ukrainian troops would be withdrawn from the region"),
        [21]
    );
}

#[test]
fn a_neutral_path_to_peace_is_no_neutral_status() {
    let l = linker();
    assert!(
        !points(
            &l,
            "instead of offering a neutral path towards a settlement"
        )
        .contains(&7)
    );
    assert_eq!(points(&l, "Ukraine would accept a neutral status"), [7]);
}

#[test]
fn disarmament_in_a_list_of_the_plan_s_terms_is_point_6() {
    let l = linker();
    assert_eq!(points(&l, "the terms spoke of disarmament"), [6]);
}

#[test]
fn the_expansion_of_the_alliance_is_point_3() {
    let l = linker();
    assert_eq!(points(&l, "it blocks the expansion of the alliance"), [3]);
}

#[test]
fn a_chamber_in_someone_s_title_names_no_point() {
    let l = linker();
    assert!(
        points(
            &l,
            "the first deputy chairman of the State Duma Defence Committee"
        )
        .is_empty()
    );
    assert_eq!(points(&l, "the State Duma would ratify the pact"), [16]);
}

#[test]
fn a_leader_called_illegitimate_is_not_the_election_clause() {
    let l = linker();
    assert!(
        points_of(
            &l,
            "he called the leadership in Kyiv illegitimate and unable to sign"
        )
        .is_empty()
    );
    assert!(
        points_of(
            &l,
            "the Kremlin raised again the legitimacy of the president"
        )
        .is_empty()
    );
    assert_eq!(
        points_of(&l, "Kyiv would hold elections within 100 days"),
        [25]
    );
}

#[test]
fn force_alone_is_a_war_aim_and_borders_not_changed_by_force_are_the_territory() {
    let l = linker();
    assert!(points_of(&l, "Moscow will reach its goals by force if the talks fail").is_empty());
    assert_eq!(
        points_of(
            &l,
            "the leaders said borders should not be changed by force"
        ),
        [21]
    );
    assert_eq!(
        points_of(
            &l,
            "both sides commit not to change the territorial arrangements by force"
        ),
        [22]
    );
}

#[test]
fn monitoring_and_enforcement_alone_are_not_the_peace_council() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "Ukraine will receive strong, enforceable security guarantees"
        ),
        [5]
    );
    assert!(points_of(&l, "a long-term monitoring mechanism would follow").is_empty());
    assert_eq!(
        points_of(&l, "the Peace Council would run an enforcement mechanism"),
        [27]
    );
}

#[test]
fn an_army_rebuilt_is_not_the_reconstruction_of_the_country() {
    let l = linker();
    assert!(!points_of(&l, "while Russia keeps rebuilding its army in the east").contains(&12));
    assert_eq!(
        points_of(&l, "a fund to rebuild Ukraine after the war"),
        [12]
    );
}

#[test]
fn frozen_money_named_by_its_holder_is_point_14() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "Moscow also wants a deal on frozen Russian state assets"
        ),
        [14]
    );
    assert_eq!(
        points_of(
            &l,
            "Putin would use some financial assets frozen in America"
        ),
        [14]
    );
    assert_eq!(
        points_of(
            &l,
            "the allies objected to the use of frozen Russian financial assets"
        ),
        [14]
    );
}

#[test]
fn a_watch_along_the_line_of_contact_is_the_non_aggression_point() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "a monitoring mechanism along the line of contact using satellites"
        ),
        [2]
    );
    assert_eq!(
        points_of(&l, "Kherson would be frozen along the line of contact"),
        [21]
    );
}

#[test]
fn the_coalition_of_the_willing_names_the_force_only_beside_a_word_of_it() {
    let l = linker();
    assert!(
        points_of(
            &l,
            "the coalition of the willing will meet by video on Tuesday"
        )
        .is_empty()
    );
    assert_eq!(
        points_of(
            &l,
            "a reassurance force of the coalition of the willing in Ukraine"
        ),
        [8]
    );
}

#[test]
fn the_plant_s_power_shared_out_is_point_19() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "Kyiv would receive half of the electricity output from Zaporizhzhia"
        ),
        [19]
    );
}

#[test]
fn the_us_army_a_nato_member_and_nato_s_article_5_are_not_their_lookalike_points() {
    let l = linker();
    assert!(points_of(&l, "after talks with a top U.S. Army official in Kyiv").is_empty());
    assert!(
        points_of(
            &l,
            "Romania, as a NATO member on the eastern flank, wants a say"
        )
        .is_empty()
    );
    assert_eq!(
        points_of(&l, "support resembling Article 5 of NATO for Ukraine"),
        [5]
    );
    assert_eq!(points_of(&l, "Kyiv would never join NATO"), [7]);
}

#[test]
fn a_place_on_ukrainian_territory_is_not_the_settlement_of_territory() {
    let l = linker();
    assert!(
        !points_of(
            &l,
            "any contingent of allied countries on Ukrainian territory is unacceptable"
        )
        .contains(&21)
    );
    assert_eq!(points_of(&l, "no troops on Ukrainian territory"), [8]);
}

#[test]
fn another_vote_or_a_leader_s_vow_is_not_the_vote_of_point_25() {
    let l = linker();
    for text in [
        "he will stay true to his election vow to defend the country",
        "a campaign promise to end the war in a single day",
        "months before the US midterm elections",
    ] {
        assert!(!points_of(&l, text).contains(&25), "{text}");
    }
    assert_eq!(
        points_of(&l, "Ukraine would hold elections within 100 days"),
        [25]
    );
}

#[test]
fn assuring_someone_of_support_is_no_security_assurance() {
    let l = linker();
    assert!(
        !points_of(
            &l,
            "the leaders called Kyiv, assuring him of their continued support"
        )
        .contains(&5)
    );
    assert!(!points_of(&l, "the chancellor assured the president of full backing").contains(&5));
    assert!(
        points_of(
            &l,
            "Ukraine would receive security assurances from Washington"
        )
        .contains(&5)
    );
}

#[test]
fn a_bloc_named_bare_is_no_point_and_named_as_a_topic_is() {
    let l = linker();
    assert_eq!(
        points_of(
            &l,
            "nobody knows whether that means the EU, some European coalition or whatever"
        ),
        Vec::<u8>::new()
    );
    assert_eq!(
        points_of(&l, "there will be separate talks concerning the EU"),
        [11]
    );
}

#[test]
fn protecting_ukraine_s_interests_is_no_guarantee() {
    let l = linker();
    assert_eq!(
        points_of(&l, "a plan that protects Ukraine's national interests"),
        Vec::<u8>::new()
    );
}

#[test]
fn a_promise_put_in_writing_is_point_16_and_a_plan_handed_over_in_writing_is_not() {
    let l = linker();
    assert_eq!(
        points(&l, "Moscow is ready to put that promise in writing"),
        [16]
    );
    assert!(
        !points(&l, "the plan was handed to him in writing on Monday").contains(&16),
        "a plan delivered in writing is no pledge"
    );
}

#[test]
fn a_phrase_of_a_point_matches_with_a_quantifier_inside() {
    let l = linker();
    let surfaces = |text: &str| -> Vec<String> {
        l.analyse(text, &[])
            .hits
            .iter()
            .map(|h| h.surface.clone())
            .collect()
    };
    assert!(
        surfaces("Kyiv would cede some territory").contains(&"cede some territory".to_string())
    );
    assert!(
        surfaces("Washington would ease certain sanctions")
            .contains(&"ease certain sanctions".to_string())
    );
    // three words inside are too many
    assert!(
        !surfaces("Washington would ease all the remaining sanctions")
            .iter()
            .any(|s| s.starts_with("ease"))
    );
}

#[test]
fn the_american_army_and_its_officers_are_no_army_cap() {
    let l = linker();
    assert!(
        points(
            &l,
            "a delegation of American army officers brought the text"
        )
        .is_empty()
    );
    assert_eq!(points(&l, "Kyiv would cut its army"), [6]);
}

#[test]
fn a_point_named_by_its_number_in_words_is_that_point() {
    let l = linker();
    let explicit = |t: &str| l.analyse(t, &[]).explicit;
    assert_eq!(explicit("as point number seven says"), [7]);
    assert_eq!(
        explicit("points twenty-one and twenty-two are the hardest"),
        [21, 22]
    );
    assert_eq!(explicit("point no. 9 stands"), [9]);
    // a number in words elsewhere is no point
    assert!(explicit("seven envoys met at two points of the border").is_empty());
}

#[test]
fn a_trade_in_exchange_for_another_point_names_both() {
    let l = linker();
    assert_eq!(
        points(
            &l,
            "Kyiv would cap its army in exchange for firm guarantees"
        ),
        [5, 6]
    );
}

#[test]
fn russia_claiming_the_east_of_ukraine_is_the_territorial_clause() {
    let l = linker();
    assert_eq!(
        points(&l, "nothing justifies Russia claiming eastern Ukraine"),
        [21]
    );
    assert_eq!(
        points(&l, "the draft hands over large parts of eastern Ukraine"),
        [21]
    );
}
