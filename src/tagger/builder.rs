//! Building a tagger from the user's choices, every failure an error: gazetteer files and
//! directories, the defaults or not, the word list, the person-name grammar.

use std::path::{Path, PathBuf};

use crate::corpus::{Problem, walk};
use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, GazetteerBuilder};
use crate::index::IndexCache;
use crate::lexicon::Lexicon;
use crate::tagger::Tagger;

/// The choices a [`Tagger`] is built from; [`TaggerBuilder::build`] reports every problem as an
/// error instead of panicking.
///
/// ```
/// use rasid::Tagger;
///
/// let yaml = "- {id: g:sdf, type: ARMED_GROUP, name: قوات سوريا الديمقراطية, name_en: SDF, aliases: [قسد]}";
/// let tagger = Tagger::builder()
///     .defaults(false)
///     .gazetteer_yaml("mine.yml", yaml)
///     .person_grammar(false)
///     .build()?;
/// assert_eq!(tagger.tag("وقسد")?.len(), 1);
/// # Ok::<(), rasid::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct TaggerBuilder {
    defaults: bool,
    paths: Vec<PathBuf>,
    yaml: Vec<(PathBuf, String)>,
    lexicon: Option<Lexicon>,
    person_grammar: bool,
    cache: IndexCache,
}

impl Default for TaggerBuilder {
    fn default() -> Self {
        TaggerBuilder {
            defaults: true,
            paths: Vec::new(),
            yaml: Vec::new(),
            lexicon: None,
            person_grammar: true,
            cache: IndexCache::disabled(),
        }
    }
}

impl TaggerBuilder {
    /// The default gazetteers, the embedded word list and the person-name grammar.
    pub fn new() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// Whether the embedded default gazetteers are used (they are unless turned off).
    pub fn defaults(&mut self, yes: bool) -> &mut TaggerBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a gazetteer file, or every `.yml`, `.yaml` and `.lst` file below a directory (sorted,
    /// links back not followed, only regular files), as `rasid -g PATH` does.
    pub fn gazetteer_path(&mut self, path: impl Into<PathBuf>) -> &mut TaggerBuilder {
        self.paths.push(path.into());
        self
    }

    /// Adds a gazetteer given as YAML text; `name` names it in diagnostics.
    pub fn gazetteer_yaml(
        &mut self,
        name: impl Into<PathBuf>,
        yaml: impl Into<String>,
    ) -> &mut TaggerBuilder {
        self.yaml.push((name.into(), yaml.into()));
        self
    }

    /// The word list deciding proclitics (the embedded one unless given).
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut TaggerBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Whether the person-name grammar runs (it does unless turned off, when the gazetteers have
    /// name words, as the defaults do).
    pub fn person_grammar(&mut self, yes: bool) -> &mut TaggerBuilder {
        self.person_grammar = yes;
        self
    }

    /// Where the compiled tagger is kept between runs, so that the next start reads it instead of
    /// compiling the gazetteers again (none unless given; `rasid` uses [`IndexCache::new`]). A
    /// tagger with its own word list is always compiled.
    pub fn cache(&mut self, cache: IndexCache) -> &mut TaggerBuilder {
        self.cache = cache;
        self
    }

    /// The gazetteer builder these choices make; what a directory walk skips goes to `warn`.
    pub fn gazetteer_builder(&self, warn: &mut dyn FnMut(Problem)) -> GazetteerBuilder {
        let mut builder = Gazetteer::builder();
        builder.defaults(self.defaults);
        let is_gazetteer = |path: &Path| {
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yml" | "yaml" | "lst")
            )
        };
        for path in &self.paths {
            if path.is_dir() {
                for file in walk(path, &is_gazetteer, warn).files {
                    builder.add_path(file);
                }
            } else {
                // A path that does not exist is left to the gazetteer builder, which names it.
                builder.add_path(path);
            }
        }
        for (name, yaml) in &self.yaml {
            builder.add_yaml(name.clone(), yaml.clone());
        }
        builder
    }

    /// Loads the gazetteers and compiles the tagger.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NoGazetteer`] when the defaults are off and no gazetteer is given;
    /// [`crate::ErrorKind::Io`] and [`crate::ErrorKind::Gazetteer`] (every problem found) from
    /// loading; [`crate::ErrorKind::TooManyAliases`] when the automaton cannot hold the aliases. What a directory walk skips is not an error; see [`TaggerBuilder::build_reporting`].
    pub fn build(&self) -> Result<Tagger> {
        self.build_reporting(&mut |_| {})
    }

    /// [`TaggerBuilder::build`], with what a directory walk skips (a FIFO named `x.yml`, a link
    /// back) given to `warn`.
    ///
    /// # Errors
    ///
    /// As [`TaggerBuilder::build`].
    pub fn build_reporting(&self, warn: &mut dyn FnMut(Problem)) -> Result<Tagger> {
        if !self.defaults && self.paths.is_empty() && self.yaml.is_empty() {
            return Err(Error::no_gazetteer());
        }
        let gazetteers = self.gazetteer_builder(warn);
        match &self.lexicon {
            Some(lexicon) => {
                Tagger::compile(gazetteers.build()?, lexicon.clone(), self.person_grammar)
            }
            None => Tagger::cached(&gazetteers, self.person_grammar, &self.cache),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn no_gazetteer_at_all_is_an_error() {
        let error = Tagger::builder().defaults(false).build().unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::NoGazetteer), "{error}");
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let error = Tagger::builder()
            .defaults(false)
            .gazetteer_path("no/such/gazetteer.yml")
            .build()
            .unwrap_err();
        assert!(
            error.to_string().contains("no/such/gazetteer.yml"),
            "{error}"
        );
    }

    /// The loader caps an alias's length, so a pasted paragraph is a gazetteer error naming the
    /// file, never a panic in the automaton.
    #[test]
    fn a_too_long_alias_is_an_error_not_a_panic() {
        let alias = "ب".repeat(crate::gazetteer::limits::MAX_ALIAS_CHARS + 1);
        let yaml = format!(
            "- {{id: g:long, type: ARMED_GROUP, name: قسد, name_en: SDF, aliases: [{alias}]}}\n"
        );
        for person_grammar in [true, false] {
            let error = Tagger::builder()
                .defaults(false)
                .person_grammar(person_grammar)
                .cache(crate::IndexCache::disabled())
                .gazetteer_yaml("long.yml", yaml.clone())
                .build()
                .unwrap_err();
            assert!(matches!(error.kind(), ErrorKind::Gazetteer(_)), "{error}");
            assert!(error.to_string().contains("long.yml"), "{error}");
        }
    }

    #[test]
    fn a_directory_gives_its_gazetteer_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("g.yml"),
            "- {id: g:sdf, type: ARMED_GROUP, name: قوات سوريا الديمقراطية, name_en: SDF, aliases: [قسد]}\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.md"), "not a gazetteer").unwrap();
        let tagger = Tagger::builder()
            .defaults(false)
            .gazetteer_path(dir.path())
            .build()
            .unwrap();
        assert_eq!(tagger.gazetteer().len(), 1);
    }
}
