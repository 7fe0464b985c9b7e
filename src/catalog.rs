//! The editable data the program reads: the 28 points and their vocabulary, the speakers, the
//! seed sources and the extraction lexicon. All of it lives in `seeds/*.toml` and is bundled
//! into the binary, so the program runs from any directory.

use std::collections::BTreeMap;

use include_dir::{Dir, include_dir};
use serde::Deserialize;

/// The bundled seed articles (`seeds/articles/`).
pub static SEED_ARTICLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/seeds/articles");

const PLAN_TOML: &str = include_str!("../seeds/plan.toml");
const SPEAKERS_TOML: &str = include_str!("../seeds/speakers.toml");
const SOURCES_TOML: &str = include_str!("../seeds/sources.toml");
const LEXICON_TOML: &str = include_str!("../seeds/lexicon.toml");
const OUTLETS_TOML: &str = include_str!("../seeds/outlets.toml");
const MEDIA_TOML: &str = include_str!("../seeds/media.toml");
const FORENAMES_TOML: &str = include_str!("../seeds/forenames.toml");

/// First names with their gender, and the words before a name that make it a person
/// (`seeds/forenames.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Forenames {
    /// Men's first names, folded.
    #[serde(default)]
    pub male: Vec<String>,
    /// Women's first names, folded.
    #[serde(default)]
    pub female: Vec<String>,
    /// Mr, Sir.
    #[serde(default)]
    pub honorifics_male: Vec<String>,
    /// Ms, Mrs.
    #[serde(default)]
    pub honorifics_female: Vec<String>,
    /// Title words before a name ("President", "spokesman").
    #[serde(default)]
    pub title_words: Vec<String>,
}

/// One of the four groups the plan's points are reported to fall into.
#[derive(Debug, Clone, Deserialize)]
pub struct Category {
    /// Stable identifier used in URLs (`?category=peace`).
    pub slug: String,
    /// Display letter (A to D).
    pub letter: String,
    /// Display name.
    pub name: String,
    /// One sentence on what the group covers.
    #[serde(default)]
    pub description: String,
}

/// One point of the plan (0 is the plan as a whole).
#[derive(Debug, Clone, Deserialize)]
pub struct Point {
    /// 0 to 28.
    pub number: u8,
    /// The category slug (empty for point 0).
    #[serde(default)]
    pub category: String,
    /// Short title.
    pub title: String,
    /// Summary in a few sentences.
    pub summary: String,
    /// Lettered sub-points, where the text has them.
    #[serde(default)]
    pub sub_points: Vec<String>,
    /// Words and phrases that each link a statement to this point.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Words that count for this point only next to another of its words.
    #[serde(default)]
    pub weak: Vec<String>,
}

/// A word several points share, resolved by the words around it.
#[derive(Debug, Clone, Deserialize)]
pub struct Shared {
    /// The word.
    pub term: String,
    /// Other forms of the same word.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// The points it may mean.
    pub points: Vec<u8>,
    /// The point a bare mention means when nothing else decides.
    #[serde(default)]
    pub default: Option<u8>,
    /// In an article about the plan, the word alone makes a statement about the plan.
    #[serde(default)]
    pub marks_plan: bool,
}

/// The plan: categories, points and shared words (`seeds/plan.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct Plan {
    /// The four categories.
    #[serde(rename = "category")]
    pub categories: Vec<Category>,
    /// Points 0 to 28.
    #[serde(rename = "point")]
    pub points: Vec<Point>,
    /// Shared words.
    #[serde(rename = "shared", default)]
    pub shared: Vec<Shared>,
    /// How articles lay out their own account of the plan.
    #[serde(default)]
    pub layout: Layout,
}

/// How articles lay out their own account of the plan (`[layout]` in `seeds/plan.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Layout {
    /// The day the plan was first reported (YYYY-MM-DD): a speech dated before it is not about it.
    pub first_reported: String,
    /// Words that make a line before a list (or a short heading) name the plan or its points.
    pub headers: Vec<String>,
    /// Numbers of points of the plan's versions: a list under "the 10-point plan" is another's.
    #[serde(default)]
    pub versions: Vec<u32>,
    /// Nouns of an aside the author adds after someone's words ("…, a swipe at the draft's
    /// demand that …"): the aside is the article's, not the speaker's.
    #[serde(default)]
    pub author_asides: Vec<String>,
    /// Parties that, as the subject of a sentence after the plan is named, carry its content
    /// ("Kyiv would have to quit Donbas").
    pub parties: Vec<String>,
    /// Modal phrases of the plan's obligations ("would have to", "would").
    pub modals: Vec<String>,
    /// Verbs that, after a party and a modal, give the party's own position ("would not accept").
    pub positions: Vec<String>,
    /// Present-tense commitments that are the plan's content right after it is named
    /// ("Under the plan, Ukraine pledges to hold elections").
    #[serde(default)]
    pub commitments: Vec<String>,
    /// Auxiliaries that may follow a document as subject ("the first draft had barred").
    pub auxiliaries: Vec<String>,
    /// Verbs a document (or "it" for one) takes beside the speech lexicon's ("it promises").
    #[serde(default)]
    pub document_verbs: Vec<String>,
    /// Words that open a short fronted topic before a document as subject ("On money, …").
    #[serde(default)]
    pub topic_prepositions: Vec<String>,
    /// Words of speech that make a list item someone's statement, left to the other sieves
    /// ("- The Kremlin reiterated its stance that …"); "pledges" or "agrees" stay the plan's.
    #[serde(default)]
    pub item_speech: Vec<String>,
    /// Participles of a document passed on: a claim that "the text was handed to Kyiv" reports
    /// an event, not what the plan says.
    #[serde(default)]
    pub deliveries: Vec<String>,
    /// Verbs of an event, not of a claim, when a noun phrase follows ("commented on the plan").
    /// Phrases in which a word of the plan is something else ("to deal with").
    pub not_plan: Vec<String>,
    /// Words matched as written, not by their stem ("constitute" is not "constitution").
    #[serde(default)]
    pub unstemmed: Vec<String>,
    /// Words that open a fronted aside whose words name no point when the rest of the statement
    /// names one ("Beyond territory, the plan caps the army").
    #[serde(default)]
    pub asides: Vec<String>,
    /// Words of a front-line report ("its forces have taken three villages").
    pub battlefield: Vec<String>,
    pub events: Vec<String>,
}

/// A known speaker (`seeds/speakers.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct SpeakerEntry {
    /// Canonical name.
    pub name: String,
    /// URL identifier.
    pub slug: String,
    /// `person`, `body` or `media`.
    pub kind: String,
    /// `m` or `f` for persons, used for he/she.
    #[serde(default)]
    pub gender: Option<String>,
    /// Role at the time of the plan.
    #[serde(default)]
    pub role: String,
    /// Organisation.
    #[serde(default)]
    pub organisation: String,
    /// Country or bloc.
    #[serde(default)]
    pub country: String,
    /// Names and spelling variants.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Role phrases that name the speaker without the name.
    #[serde(default)]
    pub titles: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct SpeakersFile {
    speaker: Vec<SpeakerEntry>,
}

/// What the ingest cannot read from a seed file itself (`seeds/sources.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct SourceEntry {
    /// File name the entry is for.
    pub file: String,
    /// Publisher.
    #[serde(default)]
    pub publisher: String,
    /// URL, when known.
    #[serde(default)]
    pub url: String,
    /// Title, used when the file has none.
    #[serde(default)]
    pub title: String,
}

/// An outlet and the country it is based in (`seeds/outlets.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct OutletEntry {
    /// The publisher, exactly as stored for an article.
    pub publisher: String,
    /// Where the outlet is based.
    #[serde(default)]
    pub country: String,
}

#[derive(Debug, Clone, Deserialize)]
struct OutletsFile {
    #[serde(default)]
    outlet: Vec<OutletEntry>,
}

/// A medium that covers the plan (`seeds/media.toml`): a speaker when an article cites it and
/// an outlet when it publishes one.
#[derive(Debug, Clone, Deserialize)]
struct MediaEntry {
    name: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct MediaFile {
    #[serde(default)]
    medium: Vec<MediaEntry>,
}

/// Folds the media gazetteer into the speakers (a medium `seeds/speakers.toml` names already,
/// by name or alias, keeps its entry there) and the outlets (an outlet of `seeds/outlets.toml`
/// keeps its country).
fn fold_media(
    media: Vec<MediaEntry>,
    speakers: &mut Vec<SpeakerEntry>,
    outlets: &mut Vec<OutletEntry>,
) {
    let key = |s: &str| s.trim().to_lowercase();
    let mut known: std::collections::HashSet<String> = speakers
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
        .map(|n| key(n))
        .collect();
    for m in media {
        if !outlets.iter().any(|o| key(&o.publisher) == key(&m.name)) {
            outlets.push(OutletEntry {
                publisher: m.name.clone(),
                country: m.country.clone(),
            });
        }
        if known.contains(&key(&m.name)) {
            continue;
        }
        let aliases: Vec<String> = m
            .aliases
            .into_iter()
            .filter(|a| !known.contains(&key(a)))
            .collect();
        known.extend(aliases.iter().map(|a| key(a)));
        known.insert(key(&m.name));
        speakers.push(SpeakerEntry {
            slug: crate::text::slugify(&m.name),
            name: m.name,
            kind: "media".to_string(),
            gender: None,
            role: String::new(),
            organisation: String::new(),
            country: m.country,
            aliases,
            titles: Vec::new(),
        });
    }
}

#[derive(Debug, Clone, Deserialize)]
struct SourcesFile {
    source: Vec<SourceEntry>,
}

/// Speech verbs and the words around them (`[speech]` in `seeds/lexicon.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct SpeechLexicon {
    /// Verb forms.
    pub verbs: Vec<String>,
    /// Multi-word verbs.
    pub phrases: Vec<String>,
    /// Forms that attribute only after a quote.
    pub after_quote: Vec<String>,
    /// Words allowed between a speaker and the verb.
    pub between: Vec<String>,
    /// Verbs that make a document the source of a report.
    pub document_verbs: Vec<String>,
    /// Forms that are speech only without an object ("would add $50bn" is not).
    #[serde(default)]
    pub object_not_speech: Vec<String>,
    /// Words before a verb form that make it a noun ("Moscow's demands").
    #[serde(default)]
    pub noun_before: Vec<String>,
    /// Past forms with no "-ed" that are never nouns: after an adverb of `noun_before` they
    /// stay verbs ("the senators earlier said").
    #[serde(default)]
    pub irregular_past: Vec<String>,
    /// Participles whose "by X" names the source ("a copy obtained by Bloomberg").
    #[serde(default)]
    pub agent_participles: Vec<String>,
    /// Words that pass on another medium's report ("citing Bloomberg").
    #[serde(default)]
    pub relays: Vec<String>,
    /// Participles of judging whose "by X as Y" is X's view ("seen by many in Kyiv as a
    /// surrender").
    #[serde(default)]
    pub judging_participles: Vec<String>,
    /// Verbs of judging that speak with "as" after their object ("lawmakers see the proposal
    /// as a gift to Moscow").
    #[serde(default)]
    pub judging_verbs: Vec<String>,
    /// Verbs of receiving a reaction ("drew", "prompted", "met with") and the nouns of the
    /// reaction ("criticism", "backlash"): "The draft drew criticism from Kyiv" is Kyiv's view.
    #[serde(default)]
    pub reaction_verbs: Vec<String>,
    /// See `reaction_verbs`.
    #[serde(default)]
    pub reaction_nouns: Vec<String>,
    /// What a medium does with a document ("published", "obtained").
    #[serde(default)]
    pub media_acts: Vec<String>,
    /// Participles that place a document's account in a medium ("described in US media").
    #[serde(default)]
    pub media_places: Vec<String>,
    /// Verbs of drafting a text ("Britain, France and Germany have sent their own version").
    #[serde(default)]
    pub drafting: Vec<String>,
    /// Irregular past verbs of meeting before "and `<cue>`" ("met … and agreed that").
    #[serde(default)]
    pub event_verbs: Vec<String>,
    /// Light verbs that speak with a noun of attitude after them ("expressed", "voiced").
    #[serde(default)]
    pub light_verbs: Vec<String>,
    /// Nouns of attitude that make a light verb a cue ("expressed cautious optimism about").
    #[serde(default)]
    pub attitude_nouns: Vec<String>,
    /// Linking verbs that speak with an adjective of attitude after them ("were horrified").
    #[serde(default)]
    pub linking_verbs: Vec<String>,
    /// Adjectives of a state of mind that make a linking verb a cue ("remained wary of").
    #[serde(default)]
    pub attitude_adjectives: Vec<String>,
    /// Participles of a feeling, a cue only with one of `attitude_objects` right after them.
    #[serde(default)]
    pub attitude_participles: Vec<String>,
    /// See `attitude_participles` ("that", "about", "by").
    #[serde(default)]
    pub attitude_objects: Vec<String>,
}

/// Noun lists (`[nouns]`).
#[derive(Debug, Clone, Deserialize)]
pub struct NounLexicon {
    /// Document heads.
    pub documents: Vec<String>,
    /// Group heads.
    pub groups: Vec<String>,
    /// Groups that are media.
    pub media: Vec<String>,
    /// Unnamed-source heads.
    pub unnamed: Vec<String>,
    /// Heads that are an unnamed source only with a clause ("people who have read it").
    #[serde(default)]
    pub unnamed_with_clause: Vec<String>,
    /// Countries and capitals that speak for their government.
    #[serde(default)]
    pub places: Vec<String>,
    /// Adjective -> organisation of an unnamed source.
    pub origins: BTreeMap<String, String>,
    /// Organisation -> the side that speaks for a document from it when the article names no
    /// authors ("the European plan" -> "Europe").
    #[serde(default)]
    pub sides: BTreeMap<String, String>,
    /// A role named alone ("the minister") -> the words of a title that name that role.
    #[serde(default)]
    pub roles: BTreeMap<String, Vec<String>>,
}

/// Stance cues (`[stance]`).
#[derive(Debug, Clone, Deserialize)]
pub struct StanceLexicon {
    /// Support cues.
    pub supports: Vec<String>,
    /// Opposition cues.
    pub opposes: Vec<String>,
    /// Conditional cues.
    pub mixed: Vec<String>,
    /// Negations.
    pub negations: Vec<String>,
    /// Concessions the plan asks for: neutral alone, opposition after a negation ("would not
    /// recognise", "will never give up").
    #[serde(default)]
    pub concessions: Vec<String>,
    /// Phrases in which a cue word takes no side ("speaking on condition of anonymity").
    #[serde(default)]
    pub neutral: Vec<String>,
    /// Verdicts that oppose by a figure rather than a verb: the plan as a gift or a prize to
    /// the invader, as written in Moscow, as unlawful ("hands the Kremlin a prize").
    #[serde(default)]
    pub verdicts: Vec<String>,
    /// Support in everyday words ("a text we can work with", "the strongest offer").
    #[serde(default)]
    pub supports_plain: Vec<String>,
    /// Mixed verdicts in everyday words ("good on paper, but", "asked for more").
    #[serde(default)]
    pub mixed_plain: Vec<String>,
    /// Words that open a condition ("if", "unless"): with support or a concession granted, the
    /// stance is `mixed` ("we can live with it, if the guarantees are real").
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Words that, within three words after "but", bring a demand or a refusal: support before
    /// them is `mixed` ("ready to work on it but insisted Kyiv must leave Donbas").
    #[serde(default)]
    pub but_then: Vec<String>,
    /// Speech verbs that, negated after "but", leave a claim unsaid rather than refused ("said
    /// Russia had made concessions but did not say which").
    #[serde(default)]
    pub unsaid: Vec<String>,
    /// Plan words that name none of its content ("points"): a refusal naming only them names
    /// nothing ("would not say which points were agreed").
    #[serde(default)]
    pub unsaid_generic: Vec<String>,
    /// Verbs of rejecting that take no side after a negation ("did not reject the plan").
    #[serde(default)]
    pub rejections: Vec<String>,
    /// Words naming another party's proposal or demands ("counter-proposal", "europeans"): an
    /// opposition cue beside one, with no word of `plan_objects`, is not aimed at the plan.
    #[serde(default)]
    pub other_parties: Vec<String>,
    /// Words that keep an opposition cue aimed at the plan ("plan", "us", "points").
    #[serde(default)]
    pub plan_objects: Vec<String>,
    /// Words naming criticism of the plan ("suggestions", "claims"): rejecting one defends the
    /// plan ("rejected suggestions that it favours Moscow" is support).
    #[serde(default)]
    pub criticisms: Vec<String>,
}

/// Boilerplate rules (`[boilerplate]`).
#[derive(Debug, Clone, Deserialize)]
pub struct BoilerplateLexicon {
    /// Lines that end the article.
    pub cut_from: Vec<String>,
    /// Line prefixes to drop.
    pub drop_prefixes: Vec<String>,
    /// Whole lines to drop.
    pub drop_lines: Vec<String>,
    /// Whole-line patterns to drop.
    pub drop_patterns: Vec<String>,
}

/// Name rules (`[names]`).
#[derive(Debug, Clone, Deserialize)]
pub struct NameLexicon {
    /// Capitalised words that never belong to a new person's name.
    pub not_name: Vec<String>,
    /// Pronouns for men.
    pub male: Vec<String>,
    /// Pronouns for women.
    pub female: Vec<String>,
}

/// Topic words (`[topic]`).
#[derive(Debug, Clone, Deserialize)]
pub struct TopicLexicon {
    /// Words of negotiation that, in an article about the plan, make a statement about it.
    pub negotiation: Vec<String>,
    /// Nouns that, after "the", "this" or "that", refer back to the point named before.
    pub anaphora: Vec<String>,
    /// Nouns that refer back only after a demonstrative ("this proposal", not "the proposal").
    #[serde(default)]
    pub anaphora_demonstrative: Vec<String>,
    /// Verbs of meeting and travel: a claim that opens with one ("said his team had met the
    /// advisers", "said she would fly to Brussels") reports an event, not a view of the plan.
    #[serde(default)]
    pub meetings: Vec<String>,
    /// Words that alone are no point in an event's claim ("fly to the NATO summit").
    #[serde(default)]
    pub bare: Vec<String>,
}

/// The whole lexicon.
#[derive(Debug, Clone, Deserialize)]
pub struct Lexicon {
    /// Topic words.
    pub topic: TopicLexicon,
    /// Name rules.
    pub names: NameLexicon,
    /// Speech verbs.
    pub speech: SpeechLexicon,
    /// Nouns.
    pub nouns: NounLexicon,
    /// Stance cues.
    pub stance: StanceLexicon,
    /// Boilerplate.
    pub boilerplate: BoilerplateLexicon,
}

/// Everything in `seeds/*.toml`, parsed.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The plan.
    pub plan: Plan,
    /// Known speakers.
    pub speakers: Vec<SpeakerEntry>,
    /// Seed source metadata.
    pub sources: Vec<SourceEntry>,
    /// The extraction lexicon.
    pub lexicon: Lexicon,
    /// Outlets and their countries.
    pub outlets: Vec<OutletEntry>,
    /// First names and title words, for the entity table of an article.
    pub forenames: Forenames,
}

/// A seed file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("seeds/{file}: {source}")]
pub struct CatalogError {
    file: &'static str,
    source: toml::de::Error,
}

impl Catalog {
    /// Parses the bundled seed files.
    /// Also checks `seeds/grammar.toml`, which the extraction stages read through
    /// [`crate::grammar::grammar`], so a broken file fails here at start-up.
    pub fn bundled() -> Result<Self, CatalogError> {
        crate::grammar::Grammar::bundled().map_err(|source| CatalogError {
            file: "grammar.toml",
            source,
        })?;
        let mut catalog = Self::parse()?;
        let media = toml::from_str::<MediaFile>(MEDIA_TOML)
            .map_err(|source| CatalogError {
                file: "media.toml",
                source,
            })?
            .medium;
        fold_media(media, &mut catalog.speakers, &mut catalog.outlets);
        Ok(catalog)
    }

    fn parse() -> Result<Self, CatalogError> {
        Ok(Self {
            plan: toml::from_str(PLAN_TOML).map_err(|source| CatalogError {
                file: "plan.toml",
                source,
            })?,
            speakers: toml::from_str::<SpeakersFile>(SPEAKERS_TOML)
                .map_err(|source| CatalogError {
                    file: "speakers.toml",
                    source,
                })?
                .speaker,
            sources: toml::from_str::<SourcesFile>(SOURCES_TOML)
                .map_err(|source| CatalogError {
                    file: "sources.toml",
                    source,
                })?
                .source,
            lexicon: toml::from_str(LEXICON_TOML).map_err(|source| CatalogError {
                file: "lexicon.toml",
                source,
            })?,
            outlets: toml::from_str::<OutletsFile>(OUTLETS_TOML)
                .map_err(|source| CatalogError {
                    file: "outlets.toml",
                    source,
                })?
                .outlet,
            forenames: toml::from_str(FORENAMES_TOML).map_err(|source| CatalogError {
                file: "forenames.toml",
                source,
            })?,
        })
    }

    /// The seed metadata for a file name, if any.
    pub fn source_entry(&self, file_name: &str) -> Option<&SourceEntry> {
        self.sources.iter().find(|s| s.file == file_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PointNumber;

    #[test]
    fn the_plan_holds_every_point_number_once() -> Result<(), CatalogError> {
        let catalog = Catalog::bundled()?;
        let numbers: Vec<u8> = catalog.plan.points.iter().map(|p| p.number).collect();
        let want: Vec<u8> = (0..=PointNumber::LAST).collect();
        assert_eq!(numbers, want);
        assert!(PointNumber::new(i64::from(PointNumber::LAST) + 1).is_none());
        Ok(())
    }

    #[test]
    fn a_medium_only_in_the_media_list_is_a_speaker_and_an_outlet_once() {
        let c = Catalog::bundled().expect("seeds parse");
        let meduza: Vec<_> = c.speakers.iter().filter(|s| s.name == "Meduza").collect();
        assert_eq!(meduza.len(), 1);
        assert_eq!(meduza[0].kind, "media");
        assert_eq!(meduza[0].country, "Latvia");
        // Reuters is in speakers.toml already: not listed twice
        assert_eq!(c.speakers.iter().filter(|s| s.name == "Reuters").count(), 1);
        let outlet = |p: &str| c.outlets.iter().filter(|o| o.publisher == p).count();
        assert_eq!(outlet("Meduza"), 1);
        assert_eq!(outlet("Reuters"), 1);
        assert!(c.outlets.len() > 300);
    }
}
