//! Attestations: in-toto statements signed in DSSE envelopes, attached to an image (cosign's
//! `.att` tag, or Sigstore bundles listed as referrers), and the conditions a policy puts on
//! them.
//!
//! - [`predicate_type`]: cosign's short names (`slsaprovenance1`, `spdxjson`, …) or a URI;
//! - [`Condition`]: a CEL expression over the statement (the language of Kubernetes'
//!   ValidatingAdmissionPolicy and Kyverno's ImageValidatingPolicy), evaluated by the `cel`
//!   crate with the statement's `predicateType`, `predicate`, `subject` and the whole
//!   `statement` as variables, within a bounded budget (see [`Condition::new`] and
//!   [`Condition::evaluate`]);
//! - [`AttestationRequirement`]: what one authority demands (`--attestation-type` with
//!   `--attestation-condition`, or a policy authority's `attestations:`).
//!
//! Verifying the envelope (signature over the DSSE PAE, certificate, log entry, and that the
//! statement's subject names the image digest) is the one engine's, [`super::sigstore`]; this
//! module judges the statement once its envelope verified. Pure: no network.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use cel::common::ast::{EntryExpr, Expr, IdedExpr};
use serde_json::Value;

/// cosign's short names for predicate types (`cosign attest --type`, `verify-attestation
/// --type`; policy-controller takes the same names).
pub const PREDICATE_NAMES: &[(&str, &str)] = &[
    ("slsaprovenance", "https://slsa.dev/provenance/v0.2"),
    ("slsaprovenance02", "https://slsa.dev/provenance/v0.2"),
    ("slsaprovenance1", "https://slsa.dev/provenance/v1"),
    ("spdx", "https://spdx.dev/Document"),
    ("spdxjson", "https://spdx.dev/Document"),
    ("cyclonedx", "https://cyclonedx.org/bom"),
    ("vuln", "https://cosign.sigstore.dev/attestation/vuln/v1"),
    ("openvex", "https://openvex.dev/ns"),
    ("custom", "https://cosign.sigstore.dev/attestation/v1"),
];

/// The predicate type a short name or URI stands for: a name of [`PREDICATE_NAMES`], or any
/// string with `://` (taken as written). Anything else is refused with the names.
pub fn predicate_type(name: &str) -> Result<String, String> {
    let name = name.trim();
    if let Some((_, uri)) = PREDICATE_NAMES.iter().find(|(n, _)| *n == name) {
        return Ok((*uri).to_owned());
    }
    if name.contains("://") && !name.chars().any(char::is_whitespace) {
        return Ok(name.to_owned());
    }
    let names: Vec<&str> = PREDICATE_NAMES.iter().map(|(n, _)| *n).collect();
    Err(format!(
        "unknown attestation type {name:?}: give one of {} or a predicate-type URI",
        names.join(", ")
    ))
}

/// The short name of a predicate type, for reports (`slsaprovenance1`), else the URI.
pub fn short_name(uri: &str) -> &str {
    PREDICATE_NAMES
        .iter()
        // The first name of a URI is cosign's canonical one (`slsaprovenance`, `spdx`).
        .find(|(_, u)| *u == uri)
        .map_or(uri, |(n, _)| n)
}

/// The longest condition accepted, in bytes.
pub const MAX_EXPRESSION_BYTES: usize = 4096;
/// How deeply a condition may nest (parentheses, calls, operators), as the parser counts.
pub const MAX_NESTING: u16 = 32;
/// How many AST nodes a condition may have.
pub const MAX_NODES: usize = 1000;
/// How deeply comprehensions (`all`, `exists`, `exists_one`, `map`, `filter`) may nest.
pub const MAX_COMPREHENSION_DEPTH: usize = 2;
/// The most evaluation steps a condition may cost over a statement, estimated before it runs
/// as `nodes × (longest list + 1) ^ comprehension depth`.
pub const MAX_STEPS: u128 = 20_000_000;
/// How long one condition may run before it is given up (what the estimate does not see,
/// such as string work). The evaluation runs on a thread of its own; past the deadline its
/// result is not waited for.
pub const EVAL_DEADLINE: Duration = Duration::from_secs(2);

/// The variables a condition sees.
pub const VARIABLES: [&str; 4] = ["predicateType", "predicate", "subject", "statement"];

/// A CEL condition, checked when it is given (a usage error or a policy file error if it
/// does not compile or is over the limits).
#[derive(Debug, Clone)]
pub struct Condition {
    source: Arc<str>,
    language: Language,
}

/// The language a condition is written in.
#[derive(Debug, Clone)]
enum Language {
    Cel {
        nodes: usize,
        comprehension_depth: usize,
    },
    /// A Kyverno `conditions` list over the predicate (Kyverno's `verifyImages` attestations).
    Kyverno(Arc<super::kyverno_conditions::Conditions>),
}

/// Why a condition did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionFailure {
    pub expression: String,
    /// What went wrong: `false`, an evaluation error, or a budget.
    pub why: String,
    /// `path = value` for each field of the statement the expression reads.
    pub seen: Vec<String>,
}

impl fmt::Display for ConditionFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "condition `{}` {}", self.expression, self.why)?;
        if !self.seen.is_empty() {
            write!(f, " (saw {})", self.seen.join(", "))?;
        }
        Ok(())
    }
}

fn parse(source: &str) -> Result<IdedExpr, String> {
    cel::parser::Parser::new()
        .max_recursion_depth(MAX_NESTING)
        .parse(source)
        .map_err(|e| one_line(&e.to_string()))
}

impl Condition {
    /// Compiles `source`; refuses an empty expression, one longer than
    /// [`MAX_EXPRESSION_BYTES`], nested deeper than [`MAX_NESTING`], with more than
    /// [`MAX_NODES`] nodes or comprehensions nested deeper than [`MAX_COMPREHENSION_DEPTH`],
    /// and one that names a variable other than [`VARIABLES`] (a typo would otherwise only
    /// show when the first image is judged).
    pub fn new(source: &str) -> Result<Self, String> {
        let source = source.trim();
        if source.is_empty() {
            return Err("the condition is empty".to_owned());
        }
        if source.len() > MAX_EXPRESSION_BYTES {
            return Err(format!(
                "the condition is {} bytes long, more than the {MAX_EXPRESSION_BYTES} accepted",
                source.len()
            ));
        }
        let expr = parse(source)?;
        let mut shape = Shape::default();
        shape.walk(&expr, 0, &mut Vec::new());
        if shape.nodes > MAX_NODES {
            return Err(format!(
                "the condition has {} nodes, more than the {MAX_NODES} accepted",
                shape.nodes
            ));
        }
        if shape.comprehension_depth > MAX_COMPREHENSION_DEPTH {
            return Err(format!(
                "the condition nests {} comprehensions (all/exists/map/filter), more than the \
                 {MAX_COMPREHENSION_DEPTH} accepted",
                shape.comprehension_depth
            ));
        }
        if let Some(unknown) = shape.free.iter().find(|v| !VARIABLES.contains(&v.as_str())) {
            return Err(format!(
                "the condition names {unknown:?}; the statement is seen as {}",
                VARIABLES.join(", ")
            ));
        }
        Ok(Self {
            source: Arc::from(source),
            language: Language::Cel {
                nodes: shape.nodes,
                comprehension_depth: shape.comprehension_depth,
            },
        })
    }

    /// A Kyverno `conditions` list (already checked when read), evaluated over the statement's
    /// predicate as Kyverno does. Its source is the list as canonical JSON.
    pub fn kyverno(conditions: super::kyverno_conditions::Conditions) -> Self {
        Self {
            source: Arc::from(format!("kyverno:{}", conditions.as_str())),
            language: Language::Kyverno(Arc::new(conditions)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether every statement of the required type signed by the authority must meet it (a
    /// Kyverno condition list, as Kyverno checks each statement), rather than one.
    pub fn every_statement(&self) -> bool {
        matches!(self.language, Language::Kyverno(_))
    }

    /// Evaluates the condition over `statement` (an in-toto statement, already bounded in
    /// size by the blob limits): `Ok` when it is `true`. `false`, a non-boolean result, an
    /// evaluation error (a field that is absent), a cost estimate over [`MAX_STEPS`] and a
    /// run past [`EVAL_DEADLINE`] are failures that name the expression and the values of the
    /// statement it read.
    pub fn evaluate(&self, statement: &Arc<Value>) -> Result<(), ConditionFailure> {
        let (nodes, comprehension_depth) = match &self.language {
            Language::Cel {
                nodes,
                comprehension_depth,
            } => (*nodes, *comprehension_depth),
            Language::Kyverno(c) => {
                return c.evaluate(statement.get("predicate").unwrap_or(&Value::Null));
            }
        };
        let fail = |why: String| ConditionFailure {
            expression: self.source.to_string(),
            why,
            seen: seen_values(&self.source, statement),
        };
        let longest = longest_collection(statement);
        let steps = estimate(nodes, longest, comprehension_depth);
        if steps > MAX_STEPS {
            return Err(fail(format!(
                "was not evaluated: over this statement (a list of {longest} items) it could \
                 cost about {steps} steps, more than the {MAX_STEPS} allowed"
            )));
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (source, st) = (self.source.clone(), statement.clone());
        // A thread of its own: a deadline, and a stack that deep expressions cannot exhaust.
        let spawned = std::thread::Builder::new()
            .name("cel".to_owned())
            .stack_size(16 << 20)
            .spawn(move || {
                let _ = tx.send(run(&source, &st));
            });
        if let Err(e) = spawned {
            return Err(fail(format!("could not be evaluated: {e}")));
        }
        match rx.recv_timeout(EVAL_DEADLINE) {
            Ok(Ok(true)) => Ok(()),
            Ok(Ok(false)) => Err(fail("is false".to_owned())),
            Ok(Err(why)) => Err(fail(why)),
            Err(_) => Err(fail(format!(
                "did not finish within {}s; gave up",
                EVAL_DEADLINE.as_secs()
            ))),
        }
    }
}

fn run(source: &str, statement: &Value) -> Result<bool, String> {
    let expr = parse(source)?;
    let mut ctx = cel::Context::default();
    let null = Value::Null;
    for name in ["predicateType", "predicate", "subject"] {
        ctx.add_variable_from_value(name, to_cel(statement.get(name).unwrap_or(&null)));
    }
    ctx.add_variable_from_value("statement", to_cel(statement));
    match ctx.resolve(&expr) {
        Ok(cel::Value::Bool(b)) => Ok(b),
        Ok(other) => Err(format!(
            "is not a boolean (it evaluated to a {})",
            other.type_of()
        )),
        Err(e) => Err(format!(
            "could not be evaluated: {}",
            one_line(&e.to_string())
        )),
    }
}

/// JSON as CEL sees it: integers are `int` (`uint` only past `i64`), as Kubernetes and
/// Kyverno hand JSON to CEL, so `predicate.n == 1` compares like with like.
fn to_cel(v: &Value) -> cel::Value {
    match v {
        Value::Null => cel::Value::Null,
        Value::Bool(b) => cel::Value::Bool(*b),
        Value::Number(n) => n.as_i64().map_or_else(
            || {
                n.as_u64().map_or_else(
                    || cel::Value::Float(n.as_f64().unwrap_or(f64::NAN)),
                    cel::Value::UInt,
                )
            },
            cel::Value::Int,
        ),
        Value::String(s) => cel::Value::String(Arc::new(s.clone())),
        Value::Array(a) => cel::Value::List(Arc::new(a.iter().map(to_cel).collect())),
        Value::Object(o) => cel::Value::Map(cel::objects::Map {
            map: Arc::new(
                o.iter()
                    .map(|(k, v)| (cel::objects::Key::String(Arc::new(k.clone())), to_cel(v)))
                    .collect(),
            ),
        }),
    }
}

fn estimate(nodes: usize, longest: usize, depth: usize) -> u128 {
    let per = u128::try_from(longest)
        .unwrap_or(u128::MAX)
        .saturating_add(1);
    let mut steps = u128::try_from(nodes).unwrap_or(u128::MAX);
    for _ in 0..depth {
        steps = steps.saturating_mul(per);
    }
    steps
}

/// The most items of any list or entries of any object in `v`.
fn longest_collection(v: &Value) -> usize {
    let mut longest = 0;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => {
                longest = longest.max(a.len());
                stack.extend(a);
            }
            Value::Object(o) => {
                longest = longest.max(o.len());
                stack.extend(o.values());
            }
            _ => {}
        }
    }
    longest
}

/// Nodes, comprehension depth, and free variables of an expression.
#[derive(Default)]
struct Shape {
    nodes: usize,
    comprehension_depth: usize,
    free: Vec<String>,
    /// `root.a.b` paths of the variables, in order of appearance.
    paths: Vec<Vec<String>>,
}

impl Shape {
    fn walk(&mut self, e: &IdedExpr, depth: usize, bound: &mut Vec<String>) {
        self.nodes += 1;
        match &e.expr {
            Expr::Ident(name) => {
                if !bound.contains(name) && !self.free.contains(name) {
                    self.free.push(name.clone());
                }
            }
            Expr::Select(s) => {
                if let Some(path) = select_path(e)
                    && !bound.contains(&path[0])
                    && VARIABLES.contains(&path[0].as_str())
                {
                    if !self.paths.contains(&path) {
                        self.paths.push(path);
                    }
                    // The path's root still counts as a free variable.
                    self.walk_root(&s.operand, depth, bound);
                } else {
                    self.walk(&s.operand, depth, bound);
                }
            }
            Expr::Call(c) => {
                if let Some(t) = &c.target {
                    self.walk(t, depth, bound);
                }
                for a in &c.args {
                    self.walk(a, depth, bound);
                }
            }
            Expr::Comprehension(c) => {
                let depth = depth + 1;
                self.comprehension_depth = self.comprehension_depth.max(depth);
                self.walk(&c.iter_range, depth - 1, bound);
                self.walk(&c.accu_init, depth - 1, bound);
                let before = bound.len();
                bound.push(c.iter_var.clone());
                bound.extend(c.iter_var2.clone());
                bound.push(c.accu_var.clone());
                self.walk(&c.loop_cond, depth, bound);
                self.walk(&c.loop_step, depth, bound);
                self.walk(&c.result, depth, bound);
                bound.truncate(before);
            }
            Expr::List(l) => {
                for el in &l.elements {
                    self.walk(el, depth, bound);
                }
            }
            Expr::Map(m) => {
                for entry in &m.entries {
                    if let EntryExpr::MapEntry(me) = &entry.expr {
                        self.walk(&me.key, depth, bound);
                        self.walk(&me.value, depth, bound);
                    }
                }
            }
            Expr::Struct(s) => {
                for entry in &s.entries {
                    match &entry.expr {
                        EntryExpr::StructField(f) => self.walk(&f.value, depth, bound),
                        EntryExpr::MapEntry(me) => {
                            self.walk(&me.key, depth, bound);
                            self.walk(&me.value, depth, bound);
                        }
                    }
                }
            }
            Expr::Literal(_) | Expr::Unspecified => {}
        }
    }

    /// Walks the operands of a select path down to its root identifier, counting nodes.
    fn walk_root(&mut self, e: &IdedExpr, depth: usize, bound: &mut Vec<String>) {
        match &e.expr {
            Expr::Select(s) => {
                self.nodes += 1;
                self.walk_root(&s.operand, depth, bound);
            }
            _ => self.walk(e, depth, bound),
        }
    }
}

/// `a.b.c` as `["a", "b", "c"]` when `e` is a plain select chain on an identifier.
fn select_path(e: &IdedExpr) -> Option<Vec<String>> {
    let mut path = Vec::new();
    let mut cur = e;
    loop {
        match &cur.expr {
            Expr::Select(s) if !s.test => {
                path.push(s.field.clone());
                cur = &s.operand;
            }
            Expr::Ident(name) => {
                path.push(name.clone());
                path.reverse();
                return Some(path);
            }
            _ => return None,
        }
    }
}

/// `path = value` for each statement field the expression reads, values clipped.
fn seen_values(source: &str, statement: &Value) -> Vec<String> {
    let Ok(expr) = parse(source) else {
        return Vec::new();
    };
    let mut shape = Shape::default();
    shape.walk(&expr, 0, &mut Vec::new());
    let mut paths = shape.paths;
    // Bare variables (`predicateType == "…"`) are read too.
    for v in &shape.free {
        if VARIABLES.contains(&v.as_str()) && !paths.iter().any(|p| p[0] == *v) {
            paths.push(vec![v.clone()]);
        }
    }
    paths
        .iter()
        .take(8)
        .map(|path| {
            let root = match path[0].as_str() {
                "statement" => Some(statement),
                name => statement.get(name),
            };
            let value = path[1..]
                .iter()
                .try_fold(root, |v, field| v.map(|v| v.get(field)))
                .flatten();
            let shown = value.map_or_else(|| "<absent>".to_owned(), |v| clip(&v.to_string()));
            format!("{} = {shown}", path.join("."))
        })
        .collect()
}

fn clip(s: &str) -> String {
    crate::text::clip(s, 120)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One attestation an authority requires.
#[derive(Debug, Clone)]
pub struct AttestationRequirement {
    /// For reports: the policy's `name`, or the short name of the type.
    pub name: String,
    /// The predicate-type URI.
    pub predicate_type: String,
    pub conditions: Vec<Condition>,
}

/// The in-toto statement of a DSSE payload, with its predicate type; `Err` says why it is not
/// one. Read before the signature is checked only to pick the envelopes worth verifying.
pub fn statement(payload: &[u8]) -> Result<(String, Value), String> {
    let v: Value =
        serde_json::from_slice(payload).map_err(|e| format!("the statement is not JSON: {e}"))?;
    let ty = v
        .get("_type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if !ty.starts_with("https://in-toto.io/Statement/") {
        return Err(format!("not an in-toto statement (_type {ty:?})"));
    }
    let predicate_type = v
        .get("predicateType")
        .and_then(Value::as_str)
        .ok_or("the statement has no predicateType")?
        .to_owned();
    Ok((predicate_type, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn predicate_names_and_uris() {
        let table: &[(&str, Result<&str, &str>)] = &[
            ("slsaprovenance1", Ok("https://slsa.dev/provenance/v1")),
            ("slsaprovenance", Ok("https://slsa.dev/provenance/v0.2")),
            ("slsaprovenance02", Ok("https://slsa.dev/provenance/v0.2")),
            ("spdxjson", Ok("https://spdx.dev/Document")),
            ("openvex", Ok("https://openvex.dev/ns")),
            ("custom", Ok("https://cosign.sigstore.dev/attestation/v1")),
            ("https://example.com/p/v1", Ok("https://example.com/p/v1")),
            ("slsa", Err("unknown attestation type \"slsa\"")),
            ("", Err("unknown attestation type")),
        ];
        for (name, want) in table {
            match (predicate_type(name), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, *want),
                (Err(e), Err(want)) => assert!(e.contains(want), "{e}"),
                (got, want) => panic!("{name}: {got:?} vs {want:?}"),
            }
        }
        assert_eq!(short_name("https://spdx.dev/Document"), "spdx");
        assert_eq!(short_name("https://x.example/y"), "https://x.example/y");
    }

    fn provenance() -> Arc<Value> {
        Arc::new(json!({
            "_type": "https://in-toto.io/Statement/v1",
            "subject": [{"name": "app", "digest": {"sha256": "ab"}}],
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": {
                "buildDefinition": {
                    "buildType": "https://actions.github.io/buildtypes/workflow/v1",
                    "externalParameters": {"workflow": {"repository": "https://github.com/acme/app", "ref": "refs/tags/v1"}},
                    "resolvedDependencies": [{"uri": "git+https://github.com/acme/app"}],
                },
                "runDetails": {"builder": {"id": "https://github.com/actions/runner"}},
            },
        }))
    }

    /// Conditions hold, fail naming what they read, or are refused when given.
    #[test]
    fn conditions_evaluate_and_say_what_they_saw() {
        let st = provenance();
        let ok = [
            r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app""#,
            r#"predicateType == "https://slsa.dev/provenance/v1""#,
            r#"subject.exists(s, s.digest.sha256 == "ab")"#,
            r#"predicate.buildDefinition.resolvedDependencies.all(d, d.uri.startsWith("git+"))"#,
            r#"statement._type.endsWith("/v1") && has(predicate.runDetails)"#,
            r#"predicate.runDetails.builder.id.matches("^https://github[.]com/")"#,
        ];
        for c in ok {
            let cond = Condition::new(c).unwrap();
            assert_eq!(cond.evaluate(&st), Ok(()), "{c}");
        }
        let f = Condition::new(
            r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/evil/app""#,
        )
        .unwrap()
        .evaluate(&st)
        .unwrap_err();
        assert_eq!(f.why, "is false");
        assert_eq!(
            f.seen,
            vec![
                "predicate.buildDefinition.externalParameters.workflow.repository = \"https://github.com/acme/app\""
            ]
        );
        let text = f.to_string();
        assert!(text.starts_with("condition `predicate.build"), "{text}");
        // An absent field is an evaluation error, not a crash.
        let f = Condition::new("predicate.nope.deeper == 1")
            .unwrap()
            .evaluate(&st)
            .unwrap_err();
        assert!(f.why.contains("could not be evaluated"), "{f}");
        assert_eq!(f.seen, vec!["predicate.nope.deeper = <absent>"]);
        let f = Condition::new("predicateType")
            .unwrap()
            .evaluate(&st)
            .unwrap_err();
        assert!(f.why.contains("not a boolean"), "{f}");
    }

    /// A condition over a huge statement, or a pathological one, is refused or bounded.
    #[test]
    fn conditions_are_bounded() {
        let refused: Vec<(String, &str)> = vec![
            (String::new(), "empty"),
            ("a == 1".to_owned(), "names \"a\""),
            ("x".repeat(MAX_EXPRESSION_BYTES + 1), "bytes long"),
            (format!("{}1{}", "(".repeat(200), ")".repeat(200)), ""),
            (
                "predicate.a.all(x, predicate.a.all(y, predicate.a.all(z, true)))".to_owned(),
                "nests 3 comprehensions",
            ),
            ("predicate ==".to_owned(), ""),
        ];
        for (src, want) in refused {
            let e = Condition::new(&src).unwrap_err();
            assert!(e.contains(want), "{}: {e}", &src[..src.len().min(40)]);
        }
        // Nested comprehensions over a long list: refused by the estimate, not run for hours.
        let items: Vec<u32> = (0..100_000).collect();
        let st = Arc::new(json!({"predicateType": "x", "predicate": {"a": items}}));
        let c = Condition::new("predicate.a.all(x, predicate.a.all(y, x >= 0))").unwrap();
        let started = std::time::Instant::now();
        let f = c.evaluate(&st).unwrap_err();
        assert!(f.why.contains("more than the 20000000 allowed"), "{f}");
        assert!(started.elapsed() < Duration::from_secs(2));
        // One level over the same list runs.
        let c = Condition::new("predicate.a.all(x, x >= 0)").unwrap();
        assert_eq!(c.evaluate(&st), Ok(()));
    }

    #[test]
    fn statements_are_read() {
        let (t, _) = statement(
            br#"{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"p","subject":[]}"#,
        )
        .unwrap();
        assert_eq!(t, "p");
        assert!(statement(b"{}").unwrap_err().contains("not an in-toto"));
        assert!(statement(b"nope").is_err());
    }
}
