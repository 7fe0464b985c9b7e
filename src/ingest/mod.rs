//! From article text to statements (pure stages) and into the database (`run`).
//!
//! Stages, each a pure function over plain data: [`article`] (raw text -> metadata and a clean
//! body), [`sentences`] (quotes and sentences), [`statements`] (candidate statements and the
//! noun phrase of their speaker), [`speakers`] (a noun phrase -> a canonical speaker by name,
//! alias, title or group), [`provisions`] (the points each statement is about) and [`stance`].
//! Pronouns, definite descriptions ("the Russian minister") and roles are resolved against who
//! the article named before in the private `resolve`, definite nouns that take up a point in
//! `antecedents`. [`Extractor::extract`] chains them; [`mod@run`] is the only place that reads
//! files and writes rows.

pub mod article;
pub mod decode;
pub mod entities;
pub mod export;
pub mod html;
pub mod provisions;
pub mod run;
pub mod sentences;
pub mod speakers;
pub mod stance;
pub mod statements;

mod antecedents;
#[cfg(test)]
mod content_tests;
mod finish;
mod groups;
mod relevance;
mod resolve;
#[cfg(test)]
mod speaker_tests;
#[cfg(test)]
mod test_support;
pub mod versions;

use antecedents::SpanAnalyses;
use resolve::{
    NameMention, Names, RoleHolder, mark_pairs, mark_subjects, resolve_speakers, spaced,
    title_before,
};

use std::ops::Range;
use std::rc::Rc;

pub use crate::model::{Article, Kind, ProvisionLink, Speaker, SpeakerKind, Stance, Statement};

use foldhash::{HashMap, HashMapExt};

use crate::catalog::Catalog;
use crate::text::{Folded, fold};
use article::ArticleRules;
use provisions::{Analysis, Linker};
use speakers::{Gazetteer, Gender, Mention, NameHit, Pronoun};
use stance::StanceRules;
use statements::{Candidate, Context, SpeechRules};

/// An error in the bundled rules (a pattern that does not compile).
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// A boilerplate pattern.
    #[error("seeds/lexicon.toml: bad pattern: {0}")]
    Pattern(#[from] regex::Error),
    /// A word list.
    #[error("could not build a matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
    /// The plan's versions (`seeds/versions.toml`).
    #[error(transparent)]
    Versions(#[from] crate::versions::VersionsError),
}

/// The compiled extraction rules: build once, use for every article.
#[derive(Debug)]
pub struct Extractor {
    article_rules: ArticleRules,
    gazetteer: Gazetteer,
    speech: SpeechRules,
    layout: statements::Layout,
    people: entities::People,
    linker: Linker,
    stance: StanceRules,
    negotiation: std::collections::HashSet<String>,
    anaphora: Vec<String>,
    anaphora_demonstrative: Vec<String>,
    documents: std::collections::HashSet<String>,
    /// (month, day) the plan was first reported.
    first_reported: Option<(u8, u8)>,
    /// Verbs of events ("commented on").
    events: std::collections::HashSet<String>,
    /// Participles of a document being passed on ("the text was handed to").
    deliveries: std::collections::HashSet<String>,
    /// Words of front-line reports.
    battlefield: Vec<String>,
    catalog: Catalog,
    /// The persons of the speaker list as holders of their offices.
    offices: Vec<RoleHolder>,
    /// The plan's versions and the claims checked against them.
    versions: (&'static crate::versions::Versions, versions::Claims),
}

impl Extractor {
    /// Compiles the rules in `catalog`.
    pub fn new(catalog: &Catalog) -> Result<Self, RulesError> {
        let publishers = Gazetteer::media_aliases(&catalog.speakers);
        Ok(Self {
            article_rules: ArticleRules::new(&catalog.lexicon.boilerplate, publishers)?,
            gazetteer: Gazetteer::new(&catalog.speakers, &catalog.lexicon)?,
            speech: SpeechRules::new(&catalog.lexicon.speech),
            layout: statements::Layout::new(&catalog.plan.layout),
            people: entities::People::new(&catalog.forenames, &catalog.lexicon.names.not_name),
            linker: Linker::new(&catalog.plan)?,
            stance: StanceRules::new(&catalog.lexicon.stance)?,
            negotiation: catalog
                .lexicon
                .topic
                .negotiation
                .iter()
                .map(|w| crate::text::fold_str(w))
                .collect(),
            anaphora: catalog
                .lexicon
                .topic
                .anaphora
                .iter()
                .map(|w| crate::text::fold_str(w))
                .collect(),
            anaphora_demonstrative: catalog
                .lexicon
                .topic
                .anaphora_demonstrative
                .iter()
                .map(|w| crate::text::fold_str(w))
                .collect(),
            documents: catalog
                .lexicon
                .nouns
                .documents
                .iter()
                .map(|w| crate::text::fold_str(w))
                .collect(),
            first_reported: relevance::month_day(&catalog.plan.layout.first_reported),
            events: catalog
                .plan
                .layout
                .events
                .iter()
                .map(|w| crate::text::fold_str(w))
                .collect(),
            deliveries: catalog
                .plan
                .layout
                .deliveries
                .iter()
                .map(|w| crate::text::fold_str(w))
                .collect(),
            battlefield: catalog
                .plan
                .layout
                .battlefield
                .iter()
                .map(|w| format!(" {} ", crate::text::fold_str(w)))
                .collect(),
            catalog: catalog.clone(),
            offices: catalog
                .speakers
                .iter()
                .filter_map(resolve::office)
                .collect(),
            versions: (
                crate::versions::Versions::bundled()?,
                versions::Claims::new()?,
            ),
        })
    }

    /// Parses an article (plain text or a saved HTML page), completing its metadata from
    /// `seeds/sources.toml` where the text does not give it.
    pub fn parse(&self, file_name: &str, raw: &str) -> Article {
        let lower = file_name.to_ascii_lowercase();
        let is_html =
            lower.ends_with(".html") || lower.ends_with(".htm") || html::looks_like_html(raw);
        let mut a = if is_html {
            let (meta, text) = html::html_to_text(raw);
            let mut a = article::parse_article(file_name, &text, &self.article_rules);
            if meta.publisher.is_some() {
                a.publisher = meta.publisher;
            }
            if let Some(t) = meta.title {
                a.title = Some(t);
            }
            if let Some(p) = meta.published.as_deref()
                && a.published_time.is_none()
            {
                a.published_time = article::parse_date_line(p).and_then(|(_, t)| t);
            }
            a.url = meta.url;
            a
        } else {
            article::parse_article(file_name, raw, &self.article_rules)
        };
        if let Some(entry) = self.catalog.source_entry(file_name) {
            if !entry.publisher.is_empty() && a.publisher.is_none() {
                a.publisher = Some(entry.publisher.clone());
            }
            if !entry.title.is_empty() && a.title.is_none() {
                a.title = Some(entry.title.clone());
            }
            if !entry.url.is_empty() && a.url.is_none() {
                a.url = Some(entry.url.clone());
            }
        }
        a
    }

    /// Every plan statement in `article`. Pure: no I/O.
    pub fn extract(&self, article: &Article) -> Vec<Statement> {
        let seg = sentences::segment(&article.body, &article.paragraphs);
        // the entity table: known names, then the new people named anywhere in the body
        let names = Names::find(&self.gazetteer, &article.body);
        let known: Vec<Range<usize>> = names
            .hits
            .iter()
            .map(|h| names.folded.orig(h.start)..names.folded.orig(h.end))
            .collect();
        let people = self.people.find(&article.body, &seg, &known);
        let mut surnames = entities::surnames(&people);
        // a known person named in full answers to the surname alone in this article ("Mike
        // Rounds" … "Rounds said"), which the speaker list leaves out where it is a common word
        known_surnames(&mut surnames, names.hits.iter().filter(|h| !h.title));
        // and so does one the title names ("Lindsey Graham urges …" over "“…,” Graham wrote.")
        if let Some(title) = article.title.as_deref() {
            known_surnames(
                &mut surnames,
                Names::find(&self.gazetteer, title).hits.iter(),
            );
        }
        let ctx = Context {
            body: &article.body,
            seg: &seg,
            paragraphs: &article.paragraphs,
            gazetteer: &self.gazetteer,
            speech: &self.speech,
            layout: &self.layout,
            title: article.title.as_deref(),
            people: &surnames,
        };
        let candidates = statements::find_candidates(&ctx);
        let mut mentions = self.name_mentions(&article.body, &names, &seg);
        mentions.extend(people.iter().map(|e| NameMention {
            pos: e.pos,
            end: e.pos + e.speaker.name.len(),
            para: e.para,
            speaker: e.speaker.clone(),
            gender: e.gender,
            subject: false,
            paired: false,
        }));
        mentions.extend(
            entities::surname_mentions(&article.body, &seg, &people)
                .into_iter()
                .map(surname_mention),
        );
        let known = known_surname_mentions(&article.body, &seg, &mentions);
        mentions.extend(known);
        let unnamed = entities::unnamed_sources(&article.body, &seg, &self.gazetteer);
        mentions.extend(unnamed.into_iter().map(|e| NameMention {
            pos: e.pos,
            end: e.pos,
            para: e.para,
            speaker: e.speaker,
            gender: e.gender,
            subject: false,
            paired: false,
        }));
        mentions.sort_by_key(|m| m.pos);
        mark_subjects(&mut mentions, &article.body, &seg);
        mark_pairs(&mut mentions, &article.body);
        let mut holders =
            self.role_holders(&article.body, &names, &seg, article.publisher.as_deref());
        holders.extend(people.iter().map(|e| RoleHolder {
            pos: e.pos,
            title: format!(" {} ", spaced(&e.title)),
            written: format!(" {} ", spaced(&e.title)),
            speaker: e.speaker.clone(),
        }));
        holders.sort_by_key(|h| h.pos);
        let is_place = |w: &str| self.gazetteer.is_place(w);
        let joints = groups::joint_groups(&article.body, &mentions, &is_place);
        let offices = resolve::Offices {
            holders: &self.offices,
            home: self.home_country(article.publisher.as_deref()),
            gazetteer: &self.gazetteer,
        };
        let mut resolved = resolve_speakers(
            &article.body,
            &joints,
            candidates,
            &mentions,
            &holders,
            &offices,
        );
        self.own_medium(&mut resolved, article.publisher.as_deref());
        let mut out = self.finish(&ctx, &names, article.title.as_deref(), resolved);
        drop_repeats(&mut out);
        let (all, claims) = &self.versions;
        versions::annotate(all, claims, article.published_date.as_deref(), &mut out);
        out
    }

    /// The country the publisher is based in (`seeds/outlets.toml`, else the publisher's own
    /// entry in the speaker list), folded and spaced; none for international outlets.
    fn home_country(&self, publisher: Option<&str>) -> Option<String> {
        let p = publisher?.trim();
        let country = match self
            .catalog
            .outlets
            .iter()
            .find(|o| o.publisher.eq_ignore_ascii_case(p))
        {
            Some(o) => o.country.clone(),
            None => match self.gazetteer.resolve(p, &mut Vec::new()) {
                Some(Mention::Speaker(s, _)) if s.known => self
                    .catalog
                    .speakers
                    .iter()
                    .find(|e| e.slug == s.slug)?
                    .country
                    .clone(),
                _ => return None,
            },
        };
        let country = spaced(&crate::text::fold_str(&country));
        (!country.is_empty() && !["international", "other"].contains(&country.as_str()))
            .then_some(country)
    }

    /// "(Reuters) - … according to a copy seen by Reuters" in Reuters' own story: the article's
    /// own voice, not a medium it cites (quotes keep their speaker).
    fn own_medium(
        &self,
        resolved: &mut [(Candidate, Option<Speaker>, String)],
        publisher: Option<&str>,
    ) {
        let Some(Mention::Speaker(own, _)) =
            publisher.and_then(|p| self.gazetteer.resolve(p, &mut Vec::new()))
        else {
            return;
        };
        if own.kind != SpeakerKind::Media {
            return;
        }
        for (c, s, via) in resolved.iter_mut() {
            if c.kind != Kind::Quote && s.as_ref().is_some_and(|s| s.slug == own.slug) {
                *s = None;
                *via = "the article (its own medium)".to_string();
            }
        }
    }

    /// Known people and media named outside quotes, in order, for pronouns and "the newspaper".
    fn name_mentions(
        &self,
        body: &str,
        names: &Names,
        seg: &sentences::Segmented,
    ) -> Vec<NameMention> {
        let f = &names.folded;
        names
            .hits
            .iter()
            // (a photo credit, "REUTERS/Anna Berg", names the agency of a picture, not a
            // speaker a pronoun could stand for)
            .filter(|h| {
                matches!(h.speaker.kind, SpeakerKind::Person | SpeakerKind::Media)
                    && !f.text[h.end..].starts_with(['\'', '/'])
            })
            // a title before a name ("Irish Taoiseach Sean Daly") is that name's, not a
            // mention of the holder the speaker list knows
            .filter(|h| {
                !(h.title
                    && body
                        .get(f.orig(h.end)..)
                        .and_then(|t| t.strip_prefix(' '))
                        .is_some_and(|t| t.starts_with(char::is_uppercase)))
            })
            .filter_map(|h| {
                let pos = f.orig(h.start);
                if seg.in_quote(pos) {
                    return None;
                }
                let s = seg.sentences.iter().find(|s| s.span.contains(&pos))?;
                Some(NameMention {
                    pos,
                    end: f.orig(h.end),
                    para: s.para,
                    speaker: h.speaker.clone(),
                    gender: h.gender,
                    subject: false,
                    paired: false,
                })
            })
            .collect()
    }

    /// Known people and bodies named outside quotes, in order, each with the words of their
    /// title (the capitalised title before the name, "Minister for Foreign Affairs Andrii
    /// Sybiha", and the role in `seeds/speakers.toml`), for "the Minister said". The publisher
    /// comes first, at position 0, for "the Ministry" in its own press release.
    fn role_holders(
        &self,
        body: &str,
        names: &Names,
        seg: &sentences::Segmented,
        publisher: Option<&str>,
    ) -> Vec<RoleHolder> {
        let mut out = Vec::new();
        if let Some(p) = publisher
            && let Some(Mention::Speaker(s, _)) = self.gazetteer.resolve(p, &mut Vec::new())
            && s.kind == SpeakerKind::Body
        {
            out.push(RoleHolder {
                pos: 0,
                title: format!(" {} ", spaced(&crate::text::fold_str(&s.name))),
                written: String::new(),
                speaker: s,
            });
        }
        let f = &names.folded;
        for h in &names.hits {
            if !matches!(h.speaker.kind, SpeakerKind::Person | SpeakerKind::Body)
                || f.text[h.end..].starts_with('\'')
            {
                continue;
            }
            let pos = f.orig(h.start);
            if seg.in_quote(pos) {
                continue;
            }
            let mut written = String::new();
            let title = if h.speaker.kind == SpeakerKind::Body {
                format!(
                    "{} {}",
                    &f.text[h.start..h.end],
                    crate::text::fold_str(&h.speaker.name)
                )
            } else {
                let sentence_start = seg
                    .sentences
                    .iter()
                    .find(|s| s.span.contains(&pos))
                    .map_or(0, |s| s.span.start);
                let end = f.orig(h.end);
                let (before, after) = (
                    title_before(&body[sentence_start..pos]),
                    resolve::title_after(body.get(end..).unwrap_or("")),
                );
                written = format!(" {} ", spaced(&format!("{before} {after}")));
                format!("{before} {} {after}", h.role)
            };
            out.push(RoleHolder {
                pos,
                title: format!(" {} ", spaced(&title)),
                written,
                speaker: h.speaker.clone(),
            });
        }
        out
    }
}

/// Adds the surname of each known person of `hits` as a name of that person in the article,
/// unless another person already answers to it.
fn known_surnames<'h>(
    surnames: &mut Vec<(String, Speaker)>,
    hits: impl Iterator<Item = &'h NameHit>,
) {
    for h in hits.filter(|h| h.speaker.kind == SpeakerKind::Person) {
        let key = h
            .speaker
            .name
            .split_whitespace()
            .last()
            .map(crate::text::fold_str)
            .unwrap_or_default();
        if key.len() > 2 && !surnames.iter().any(|(k, _)| *k == key) {
            surnames.push((key, h.speaker.clone()));
        }
    }
}

/// The later mentions by surname alone of a known person the article named ("On Sunday, King
/// went back …" after "Senator Angus King"), where the speaker list leaves the bare surname
/// out as a common word; positions a name is already found at are left out.
fn known_surname_mentions(
    body: &str,
    seg: &sentences::Segmented,
    mentions: &[NameMention],
) -> Vec<NameMention> {
    let known: Vec<entities::Entity> = mentions
        .iter()
        .filter(|m| m.speaker.kind == SpeakerKind::Person && m.speaker.known)
        .map(|m| entities::Entity {
            pos: m.pos,
            para: m.para,
            speaker: m.speaker.clone(),
            gender: m.gender,
            title: String::new(),
        })
        .collect();
    entities::surname_mentions(body, seg, &known)
        .into_iter()
        .filter(|e| {
            !mentions
                .iter()
                .any(|m| (m.pos..m.end.max(m.pos + 1)).contains(&e.pos))
        })
        .map(surname_mention)
        .collect()
}

/// A mention by surname alone, which ends where the surname does.
fn surname_mention(e: entities::Entity) -> NameMention {
    NameMention {
        pos: e.pos,
        end: e.pos + e.speaker.name.split_whitespace().last().map_or(0, str::len),
        para: e.para,
        speaker: e.speaker,
        gender: e.gender,
        subject: false,
        paired: false,
    }
}

/// A page that prints its lead twice (a teaser above the story, a block repeated by the
/// template) says each thing once: a statement with the words and speaker of an earlier one is
/// dropped.
fn drop_repeats(out: &mut Vec<Statement>) {
    let mut seen: std::collections::HashSet<(String, Option<String>)> =
        std::collections::HashSet::new();
    out.retain(|s| seen.insert((s.text.clone(), s.speaker.as_ref().map(|p| p.slug.clone()))));
}
