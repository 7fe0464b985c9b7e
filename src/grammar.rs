//! The grammar words the extraction stages match against (`seeds/grammar.toml`): function
//! words, determiners, date words, abbreviations. The file is bundled, parsed once and checked
//! by [`crate::catalog::Catalog::bundled`], so a broken file fails at start-up; the stages deep
//! down, which have no catalog at hand, read it through [`grammar`].

use std::sync::LazyLock;

use serde::Deserialize;

const GRAMMAR_TOML: &str = include_str!("../seeds/grammar.toml");

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    Grammar::bundled().expect("seeds/grammar.toml is checked when the catalog loads")
});

/// The bundled grammar words.
pub fn grammar() -> &'static Grammar {
    &GRAMMAR
}

/// A list of lower-case words or phrases, each matched whole.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct Words(Vec<String>);

impl Words {
    /// Whether `word` is one of the list, compared exactly.
    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        let word = word.as_ref();
        self.0.iter().any(|w| w == word)
    }

    /// The words in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// Statements (src/ingest/statements/mod.rs, subject.rs, quotes.rs): the subject and verb of a statement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statements {
    /// Nouns of the media before "like" / "such as" after a participle's "by" ("obtained by
    /// outlets like Axios").
    pub media_nouns: Words,
    /// Nouns of a counter-draft ("counter-proposal"): an article naming one in its title or
    /// lead tells that draft's content.
    pub counter_documents: Words,
    /// Words after a verb that make what follows its object ("would add $50bn", "posted a video").
    pub object_start: Words,
    /// Words (and two-word phrases) that open an adverbial between a subject and its verb ("Brussels, for its part, maintains").
    pub adverbial_start: Words,
    /// Ordinals that open an item of a speaker's list ("First — the borders must hold").
    pub list_ordinals: Words,
    /// Participles of cause after a comma whose object is made to speak ("…, prompting
    /// officials to stress that …").
    pub causal_participles: Words,
    /// Past participles not ending in "-ed" that open an aside on a document ("The draft,
    /// written in talks between …, calls for").
    pub document_participles: Words,
    /// Words of `adverbial_start` that are also adjectives of time opening a subject ("Earlier media reports said").
    pub time_adjectives: Words,
    /// Words of `adverbial_start` that open a title before a capitalised word ("First Deputy
    /// Foreign Minister Anna Berg said").
    pub title_ordinals: Words,
    /// Words that open a contrasting clause after a quote ("X said that \"…\", and yet …").
    pub contrast_openers: Words,
    /// Words that end who reacted after "criticism from …" ("from Kyiv over the army cap").
    pub reaction_stops: Words,
    /// Lowercase words of a speaker's noun phrase right after "which" ("which Kyiv and its
    /// allies said was …").
    pub relative_np_words: Words,
    /// Nouns of a response after a possessive name and before a colon ("Moscow's reaction was
    /// telling: \"…\"").
    pub response_nouns: Words,
    /// A verb of speech with its object that asks rather than reports ("tell us").
    pub imperatives: Words,
    /// Conjunctions that may open a sentence before its subject ("And Ukraine has said").
    pub sentence_conjunctions: Words,
    /// Verbs of naming, which may stand a few words before the quote they bring ("called the plan 'a trap'").
    pub call_verbs: Words,
    /// Words that end a speaker's noun phrase after the speech verb ("said the minister in Kyiv").
    pub post_np_stop: Words,
    /// Modal verbs: after one, a country as subject is the plan's content, not a speaker.
    pub modals: Words,
    /// Speech verbs that speak only with a "that" clause within eight words ("briefed the envoys
    /// that …", not "officials briefed on the talks").
    pub clause_verbs: Words,
    /// Speech verbs that speak only with "to" within six words after them ("Russia wants Ukraine
    /// to leave Donetsk", not "Kyiv wants peace").
    pub infinitive_verbs: Words,
    /// Speech verbs that speak only when one of `object_words` follows within six words
    /// ("outlined the main elements of the deal", not "after Kyiv outlines its principles").
    pub object_verbs: Words,
    /// Words of the plan's text that let an `object_verbs` verb speak.
    pub object_words: Words,
    /// Verbs of saying: a sentence whose subject speaks with one stays that speaker's when a
    /// medium or a group of sources relays it ("X told envoys that …, the people said").
    pub communication_verbs: Words,
    /// Verbs of belief: a medium's clause that opens with a speaker and one of them relays
    /// that speaker's view ("Reuters reported that Senator Berg believes the plan …").
    pub belief_verbs: Words,
    /// Verbs of a position, not of saying: after "as" with an object they give a cause ("…, as
    /// Kyiv opposes it"); with the object left out they frame the claim ("…, as Moscow
    /// demanded").
    pub position_verbs: Words,
    /// Words of the first person: the paragraph before a dash cue is the speaker's own words
    /// only when it speaks in them.
    pub first_person: Words,
    /// Pronouns that stand as the object of a verb ("as Kyiv opposes it").
    pub object_pronouns: Words,
    /// Subjects pointing back at the words before, in "This was stated by X" (the speaker of
    /// the sentences before).
    pub back_subjects: Words,
    /// Verbs of a saying that may stand with nothing said after them ("A senior diplomat told
    /// DPA on Friday."): they name who said the sentences before.
    pub bare_verbs: Words,
    /// Words after such a verb that show it says something of its own ("told AFP that …").
    pub bare_stops: Words,
    /// Conjunctions that open a second clause after a comma ("and" is left out: "A, B, and C").
    pub clause_conjunctions: Words,
    /// Words that open a subordinate clause whose subject speaks ("It comes after Kyiv said
    /// …"): the subject of the verb is the noun phrase after the last of them.
    pub subordinators: Words,
    /// Conjunctions of time that open a second speaker's clause ("… after Trump said that …").
    pub time_conjunctions: Words,
    /// Phrases of learning whose source follows "from" or "to" ("it became known from Axios").
    pub became_known: Words,
}

/// Content of the plan reported without a speaker (src/ingest/statements/content.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Words that may stand between the modal and its verb.
    pub between: Words,
    /// Words of a date: "will" with one is an event to come, not the plan's content.
    pub when: Words,
    /// Parts of a document that an explainer presents ("a clause proposing that ...").
    pub parts: Words,
    /// Plural nouns of what a plan asks before "such as" and a gerund ("demands, such as
    /// ceding Donbas").
    pub example_heads: Words,
    /// Words after such a part that open its content.
    pub openers: Words,
    /// Verbs that take the plan as their object ("announced a plan that …").
    pub presenting: Words,
    /// Words that open the object of such a verb.
    pub object_determiners: Words,
    /// Determiners of a kind of plan, not of the plan ("reject any plan which would …").
    pub any_determiners: Words,
    /// Words that open a fronted place in the plan before its content ("At the heart of the
    /// draft lies …", "In the draft there are …").
    pub fronted: Words,
    /// Nouns for the whole plan that a clause of its content may follow ("a deal which would
    /// …"); not a part of it ("the provision that would restart the plant" names which one).
    pub relative_heads: Words,
    /// Lowercase words that open an unnamed source's phrase after "a" ("…, a senior official
    /// said", "an administration official"): no noun in apposition before a speaker.
    pub source_modifiers: Words,
    /// Verbs after "which" or "that" on the plan's name that tell its content, besides a
    /// document's verbs ("a plan which would hand Donbas to Russia", "which endorses …").
    pub relative_verbs: Words,
    /// Participles after a comma near the plan's name that open its content ("…, including the
    /// loss of Donbas").
    pub holding_participles: Words,
    /// Participles that, after "is" or "are" and with no agent, tell what the plan holds ("a
    /// joint response is proposed").
    pub passive_holding: Words,
    /// Words before "to" that make the modal an obligation, not a party's position ("would
    /// have to accept").
    pub obligations: Words,
    /// Determiners opening a short noun phrase that names a document as a subject.
    pub document_determiners: Words,
    /// Heads of such a noun phrase ("the draft", "these provisions"), fewer than the lexicon's
    /// documents: "the deal" or "the agreement" as a subject is often the talks, not a text.
    pub document_heads: Words,
}

/// Runs of lines that list the plan's terms (src/ingest/statements/lists/runs.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Runs {
    /// Words that mark a line of a run as an obligation or an expectation of the plan.
    pub modals: Words,
    /// Words of a date: a line with one is an event in the future ("Talks will resume on Monday").
    pub when: Words,
}

/// Speaker phrases (src/ingest/speakers.rs, speakers/unnamed.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speakers {
    /// Heads of a group of the lexicon that name one person after "the" ("the spokeswoman
    /// said" is the spokeswoman the article named, not a body).
    pub person_heads: Words,
    /// Honorifics before a surname ("Mr. King" is the King the article named).
    pub honorifics: Words,
    /// Determiners and counts before the head of a speaker's noun phrase ("the", "two", "their").
    pub determiners: Words,
    /// Words that show a phrase before a speech verb is a clause, not a speaker's name.
    pub stop: Words,
    /// Words that open what follows the head of a group ("leaders gathered at", "ministers in").
    pub post_modifier: Words,
    /// Prepositions after which a name before "who" completes a role or places a group.
    pub role_prepositions: Words,
    /// Prepositions that open a post-modifier of an unnamed source ("familiar with", "close to").
    pub prepositions: Words,
    /// Prepositions that open an adjunct, never a speaker's phrase ("among its allies").
    pub adjunct_prepositions: Words,
    /// Participles that open a question put to the speaker ("Asked whether …, he said").
    pub asking_participles: Words,
    /// Verbs after a quote by which a speaker goes on ("…," he continued).
    pub going_on: Words,
    /// Short forms of first names, each "short full" ("dan daniel").
    pub short_forenames: Words,
    /// Prepositions after a document's noun that say what it is about ("the clause on …").
    pub about_prepositions: Words,
    /// Words after which an unnamed source's phrase says what it knows, not its side
    /// ("familiar with the American draft").
    pub knowledge_words: Words,
    /// Verbs of an event that witnesses a group ("the summit saw leaders from …"): the speaker
    /// is the phrase after the verb.
    pub scene_verbs: Words,
}

/// The shape of a speaker phrase (src/ingest/speakers/shape.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    /// Nouns of a text that speaks for its author ("a statement from Merz's office", "the statement read").
    pub statement_nouns: Words,
    /// Nouns of a stance that speak for their owner with "is", "remains" or "that" after them ("Kyiv's
    /// position is to freeze the lines").
    pub stance_nouns: Words,
    /// Words before a medium's name that describe it ("Russia's state news agency TASS").
    pub media_descriptors: Words,
    /// Words that name a time after "on", "last", "this", "earlier", "late".
    pub time_words: Words,
    /// Words that show a phrase is more than a title and a name ("talks with Tom Reyes").
    pub not_title: Words,
}

/// Resolving a speaker phrase to a speaker (src/ingest/resolve.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolve {
    /// Media words that, alone, point back to the medium the article named ("the newspaper").
    pub media_words: Words,
    /// Heads of an unnamed source that are also the title of a named person ("the diplomat" after a foreign ministry spokeswoman spoke).
    pub title_heads: Words,
    /// Words before "reports" that leave them the media at large ("multiple reports").
    pub report_quantifiers: Words,
    /// Adverbs of hearsay ("reportedly"): the medium that reported just before, if any.
    pub hearsay: Words,
    /// Plural heads of a group of unnamed sources referred back to ("the officials said").
    pub source_groups: Words,
    /// Of those, the heads that mean any source ("the sources added").
    pub source_generic: Words,
    /// Words before such a head that refer back ("the", "two of the", "its").
    pub group_openers: Words,
    /// Offices one person holds in a country, found by the publisher's country when the
    /// article names no holder ("The Prime Minister said").
    pub home_offices: Words,
}

/// The entity table of an article (src/ingest/entities.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entities {
    /// Determiners that introduce an unnamed source ("a senior EU diplomat", "two officials").
    pub indefinite: Words,
    /// Verbs of speech before a surname that closes a sentence ("…, said Chapman.").
    pub inverted_verbs: Words,
    /// Lowercase particles inside a name ("Jan de Vries", "Ursula von der Leyen").
    pub name_particles: Words,
}

/// Groups named together and referred back to (src/ingest/groups.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Groups {
    /// Nouns that refer back to two bodies named together ("both sides", "the two delegations").
    pub side_nouns: Words,
    /// Nouns that refer back to people named together.
    pub group_nouns: Words,
    /// Words before them that count or gather ("the three leaders", "both leaders").
    pub counts: Words,
    /// Short names of places spelled out when they name one of a pair of sides ("US" in "a
    /// joint US-Ukraine statement"), keyed folded and without full stops.
    pub long_place_names: std::collections::BTreeMap<String, String>,
    /// Places named first in the name of a pair of sides whatever the article's order ("the
    /// United States and Ukraine" for "Ukraine and the US"), spelled out.
    pub pair_first: Vec<String>,
}

/// Sentence splitting (src/ingest/sentences.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentences {
    /// Abbreviations (lower case, without the final full stop) after which a full stop does not end a sentence.
    pub abbreviations: Words,
}

/// Whether a claim is about the plan (src/ingest/relevance.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relevance {
    /// Participles that, after an event's object, bring the claim: "commented on the plan, saying".
    pub claim_participles: Words,
    /// Prepositions that open the setting of a speech ("at a briefing", "in Brussels").
    pub setting: Words,
    /// Prepositions whose object "it" is the plan its paragraph talks about ("optimistic about it").
    pub attitude_prepositions: Words,
    /// Verbs of taking a side whose object "it" is the plan its paragraph talks about ("must
    /// reject it").
    pub side_verbs: Words,
    /// Nouns of what someone said that a paragraph ties to its occasion ("His remarks came in
    /// response to the plan").
    pub remarks: Words,
}

/// Linking a statement to the plan's points (src/ingest/provisions.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provisions {
    /// Conjunctions that start a new clause, in which the points are scored apart.
    pub conjunctions: Words,
    /// Names of parties that are also words of points (NATO, the EU, Europe).
    pub actors: Words,
    /// Verbs after one of `actors` that make it the actor of its clause ("the EU must be on
    /// board"), not a topic of the plan.
    pub actor_verbs: Words,
    /// Blocs whose bare names name no point alone ("whether this is the EU or whatever").
    pub blocs: Words,
    /// Words that make a bloc named within three words after them a topic ("elements
    /// concerning the EU").
    pub topic_words: Words,
    /// Determiners and quantifiers a phrase of several words may hold inside it and still
    /// match ("cede some territory").
    pub fillers: Words,
}

/// Linking a statement to the plan's versions (src/ingest/versions.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions {
    /// Words that, shortly before a phrase, make it denied rather than claimed.
    pub negations: Words,
}

/// Broadcast and interview transcripts (src/ingest/statements/transcript.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transcript {
    /// Roles after a label's name that make it the programme's journalist ("MARY LANE, HOST:"):
    /// their turns are the programme's own account, read by the other sieves, not quotes.
    pub journalist_roles: Words,
    /// Words of a lead that introduce the person an interview without labels questions
    /// ("asked the diplomat Ana Ruiz to …", "spoke with …"): a question paragraph right after it
    /// opens the person's answers.
    pub interview_cues: Words,
    /// Words of a reporter's narration ("said", "wrote"): a paragraph after a labelled turn
    /// that holds one is the article's again, not the turn going on.
    pub narration_words: Words,
}

/// `seeds/grammar.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    /// Statements (src/ingest/statements/mod.rs, subject.rs, quotes.rs): the subject and verb of a statement.
    pub statements: Statements,
    /// Content of the plan reported without a speaker (src/ingest/statements/content.rs).
    pub content: Content,
    /// Runs of lines that list the plan's terms (src/ingest/statements/lists/runs.rs).
    pub runs: Runs,
    /// Speaker phrases (src/ingest/speakers.rs, speakers/unnamed.rs).
    pub speakers: Speakers,
    /// The shape of a speaker phrase (src/ingest/speakers/shape.rs).
    pub shape: Shape,
    /// Resolving a speaker phrase to a speaker (src/ingest/resolve.rs).
    pub resolve: Resolve,
    /// The entity table of an article (src/ingest/entities.rs).
    pub entities: Entities,
    /// Groups named together and referred back to (src/ingest/groups.rs).
    pub groups: Groups,
    /// Sentence splitting (src/ingest/sentences.rs).
    pub sentences: Sentences,
    /// Whether a claim is about the plan (src/ingest/relevance.rs).
    pub relevance: Relevance,
    /// Linking a statement to the plan's points (src/ingest/provisions.rs).
    pub provisions: Provisions,
    /// Linking a statement to the plan's versions (src/ingest/versions.rs).
    pub versions: Versions,
    /// Broadcast and interview transcripts (src/ingest/statements/transcript.rs).
    pub transcript: Transcript,
}

impl Grammar {
    fn lists(&self) -> [(&'static str, &Words); 71] {
        [
            (
                "statements.counter_documents",
                &self.statements.counter_documents,
            ),
            ("statements.belief_verbs", &self.statements.belief_verbs),
            ("statements.object_start", &self.statements.object_start),
            ("statements.media_nouns", &self.statements.media_nouns),
            (
                "statements.adverbial_start",
                &self.statements.adverbial_start,
            ),
            ("statements.list_ordinals", &self.statements.list_ordinals),
            (
                "statements.causal_participles",
                &self.statements.causal_participles,
            ),
            (
                "statements.document_participles",
                &self.statements.document_participles,
            ),
            (
                "statements.time_adjectives",
                &self.statements.time_adjectives,
            ),
            ("statements.title_ordinals", &self.statements.title_ordinals),
            ("statements.bare_verbs", &self.statements.bare_verbs),
            ("statements.bare_stops", &self.statements.bare_stops),
            (
                "statements.contrast_openers",
                &self.statements.contrast_openers,
            ),
            ("statements.reaction_stops", &self.statements.reaction_stops),
            (
                "statements.relative_np_words",
                &self.statements.relative_np_words,
            ),
            ("statements.response_nouns", &self.statements.response_nouns),
            ("statements.call_verbs", &self.statements.call_verbs),
            ("statements.post_np_stop", &self.statements.post_np_stop),
            ("statements.modals", &self.statements.modals),
            (
                "statements.clause_conjunctions",
                &self.statements.clause_conjunctions,
            ),
            ("statements.subordinators", &self.statements.subordinators),
            (
                "statements.time_conjunctions",
                &self.statements.time_conjunctions,
            ),
            ("statements.became_known", &self.statements.became_known),
            ("content.between", &self.content.between),
            ("content.source_modifiers", &self.content.source_modifiers),
            ("content.when", &self.content.when),
            ("content.parts", &self.content.parts),
            ("content.example_heads", &self.content.example_heads),
            ("content.openers", &self.content.openers),
            ("content.presenting", &self.content.presenting),
            (
                "content.object_determiners",
                &self.content.object_determiners,
            ),
            ("content.any_determiners", &self.content.any_determiners),
            ("content.fronted", &self.content.fronted),
            ("runs.modals", &self.runs.modals),
            ("runs.when", &self.runs.when),
            ("speakers.person_heads", &self.speakers.person_heads),
            ("speakers.honorifics", &self.speakers.honorifics),
            ("speakers.determiners", &self.speakers.determiners),
            ("speakers.stop", &self.speakers.stop),
            ("speakers.post_modifier", &self.speakers.post_modifier),
            (
                "speakers.role_prepositions",
                &self.speakers.role_prepositions,
            ),
            ("speakers.prepositions", &self.speakers.prepositions),
            ("speakers.going_on", &self.speakers.going_on),
            ("speakers.short_forenames", &self.speakers.short_forenames),
            (
                "speakers.about_prepositions",
                &self.speakers.about_prepositions,
            ),
            ("shape.statement_nouns", &self.shape.statement_nouns),
            ("shape.media_descriptors", &self.shape.media_descriptors),
            ("shape.stance_nouns", &self.shape.stance_nouns),
            ("shape.time_words", &self.shape.time_words),
            ("shape.not_title", &self.shape.not_title),
            ("resolve.media_words", &self.resolve.media_words),
            ("resolve.title_heads", &self.resolve.title_heads),
            ("entities.indefinite", &self.entities.indefinite),
            ("entities.inverted_verbs", &self.entities.inverted_verbs),
            ("entities.name_particles", &self.entities.name_particles),
            ("groups.side_nouns", &self.groups.side_nouns),
            ("groups.group_nouns", &self.groups.group_nouns),
            ("groups.counts", &self.groups.counts),
            ("sentences.abbreviations", &self.sentences.abbreviations),
            (
                "relevance.claim_participles",
                &self.relevance.claim_participles,
            ),
            ("relevance.setting", &self.relevance.setting),
            ("relevance.side_verbs", &self.relevance.side_verbs),
            ("relevance.remarks", &self.relevance.remarks),
            ("provisions.conjunctions", &self.provisions.conjunctions),
            ("provisions.actors", &self.provisions.actors),
            ("provisions.blocs", &self.provisions.blocs),
            ("provisions.topic_words", &self.provisions.topic_words),
            ("provisions.fillers", &self.provisions.fillers),
            ("provisions.actor_verbs", &self.provisions.actor_verbs),
            ("versions.negations", &self.versions.negations),
            (
                "transcript.journalist_roles",
                &self.transcript.journalist_roles,
            ),
        ]
    }
}

impl Grammar {
    /// Parses the bundled file and checks that no list is empty and every word is lower case.
    pub fn bundled() -> Result<Self, toml::de::Error> {
        Self::parse(GRAMMAR_TOML)
    }

    fn parse(text: &str) -> Result<Self, toml::de::Error> {
        let grammar: Self = toml::from_str(text)?;
        for (name, words) in grammar.lists() {
            if words.0.is_empty() {
                return Err(serde::de::Error::custom(format!("{name} is empty")));
            }
            if let Some(w) = words
                .iter()
                .find(|w| w.is_empty() || *w != w.to_lowercase())
            {
                return Err(serde::de::Error::custom(format!(
                    "{name}: {w:?} must be a lower-case word"
                )));
            }
        }
        Ok(grammar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_non_empty_and_lower_case() {
        let g = Grammar::bundled().expect("seeds/grammar.toml parses and checks");
        for (name, words) in g.lists() {
            assert!(words.iter().next().is_some(), "{name} is empty");
            for w in words.iter() {
                assert!(!w.is_empty() && w == w.to_lowercase(), "{name}: {w:?}");
                assert_eq!(w, w.trim(), "{name}: {w:?}");
            }
        }
    }

    #[test]
    fn a_broken_file_is_rejected() {
        assert!(Grammar::parse(GRAMMAR_TOML).is_ok());
        let upper = GRAMMAR_TOML.replacen("\"would\"", "\"Would\"", 1);
        assert!(Grammar::parse(&upper).is_err(), "an upper-case word");
        let start = GRAMMAR_TOML.find("negations = [").expect("negations");
        let end = start + GRAMMAR_TOML[start..].find(']').expect("list end");
        let empty = format!(
            "{}negations = []{}",
            &GRAMMAR_TOML[..start],
            &GRAMMAR_TOML[end + 1..]
        );
        assert!(Grammar::parse(&empty).is_err(), "an empty list");
        let unknown = GRAMMAR_TOML.replacen("[versions]\n", "[versions]\nnegation = [\"no\"]\n", 1);
        assert!(Grammar::parse(&unknown).is_err(), "a misspelt key");
    }

    #[test]
    fn words_match_whole() {
        let g = grammar();
        assert!(g.statements.modals.contains("would"));
        assert!(!g.statements.modals.contains("Would"));
        assert!(!g.statements.modals.contains("wou"));
        assert!(g.statements.adverbial_start.contains("in turn"));
        assert!(g.sentences.abbreviations.contains("e.g"));
    }
}
