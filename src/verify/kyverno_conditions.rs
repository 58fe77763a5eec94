//! Kyverno's condition language, as `verifyImages[].attestations[].conditions` use it: blocks
//! of `all`/`any` conditions `{key, operator, value, message}` whose keys and values may hold
//! `{{ … }}` JMESPath variables, evaluated over an attestation's predicate.
//!
//! The semantics follow Kyverno's engine (`pkg/engine/variables/operator`,
//! `pkg/engine/variables/vars.go`), not a reading of its docs alone:
//!
//! - substitution resolves the innermost `{{ … }}` first (so `regex_match('…', '{{ x }}')`
//!   sees `x` as text), a string that is exactly one variable becomes the variable's typed
//!   value, and a variable inside a longer string is spliced in as text (JSON for non-strings);
//! - numbers are compared as Go's `float64`; `Equals` on strings tries a Go duration, then a
//!   Kubernetes quantity, then a wildcard match (`*`, `?`) with the *value* as the pattern;
//! - `In`/`AnyIn`/`AllIn`/`NotIn`/`AnyNotIn`/`AllNotIn` match with wildcards both ways, and
//!   take a value that is a list, a JSON list in a string, or a single string;
//! - `GreaterThan`… compare durations, then quantities, then numbers, then semantic versions;
//!   `Duration…` compare Go durations (a bare number is seconds).
//!
//! Differences, each failing closed: a variable that resolves to nothing (`null`) is an error
//! rather than a silent `null`; a function we do not implement is refused when the policy is
//! read, naming it. Pure: no network, no clock except `time_since` with an empty end.

use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::sync::LazyLock;

use jmespath::functions::{ArgumentType, CustomFunction, Signature};
use jmespath::{Context, Rcvar, Runtime, Variable};
use regex::Regex;
use serde_json::Value;

use super::attest::ConditionFailure;

/// The longest `{{ … }}` template (one key or value string) accepted, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 4096;
/// How many variables one string may hold (nested ones included).
pub const MAX_VARIABLES: usize = 32;
/// How deeply brackets may nest inside one JMESPath expression (the parser recurses).
pub const MAX_NESTING: usize = 32;
/// How many conditions one `conditions` list may hold.
pub const MAX_CONDITIONS: usize = 256;
/// The longest regular expression `regex_match` compiles, in bytes of program.
const MAX_REGEX_SIZE: usize = 1 << 20;

/// The standard JMESPath functions (built into the `jmespath` crate).
const BUILTIN_FUNCTIONS: &[&str] = &[
    "abs",
    "avg",
    "ceil",
    "contains",
    "ends_with",
    "floor",
    "join",
    "keys",
    "length",
    "map",
    "max",
    "max_by",
    "merge",
    "min",
    "min_by",
    "not_null",
    "reverse",
    "sort",
    "sort_by",
    "starts_with",
    "sum",
    "to_array",
    "to_number",
    "to_string",
    "type",
    "values",
];

/// Kyverno's own functions implemented here (`pkg/engine/jmespath`), as Kyverno defines them.
pub const KYVERNO_FUNCTIONS: &[&str] = &[
    "regex_match",
    "pattern_match",
    "time_since",
    "time_after",
    "time_before",
    "time_now_utc",
    "to_upper",
    "to_lower",
    "trim",
    "trim_prefix",
    "split",
    "equal_fold",
    "replace_all",
    "truncate",
    "semver_compare",
];

/// An error in a condition list, with the field path under the list (`[0].all[1].operator`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub path: String,
    pub reason: String,
    /// Valid Kyverno we do not implement (a function, `@`), as opposed to malformed input.
    pub unsupported: bool,
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for ConditionError {}

/// Comparisons of `GreaterThan`… and `Duration…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Gt,
    Ge,
    Lt,
    Le,
}

impl Cmp {
    fn holds(self, o: Ordering) -> bool {
        match self {
            Cmp::Gt => o == Ordering::Greater,
            Cmp::Ge => o != Ordering::Less,
            Cmp::Lt => o == Ordering::Less,
            Cmp::Le => o != Ordering::Greater,
        }
    }
    fn holds_f(self, a: f64, b: f64) -> bool {
        a.partial_cmp(&b).is_some_and(|o| self.holds(o))
    }
}

/// Kyverno's condition operators (matched case-insensitively, as Kyverno does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Equals,
    NotEquals,
    In,
    AnyIn,
    AllIn,
    NotIn,
    AnyNotIn,
    AllNotIn,
    Numeric(Cmp),
    Duration(Cmp),
}

impl Operator {
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "equal" | "equals" => Self::Equals,
            "notequal" | "notequals" => Self::NotEquals,
            "in" => Self::In,
            "anyin" => Self::AnyIn,
            "allin" => Self::AllIn,
            "notin" => Self::NotIn,
            "anynotin" => Self::AnyNotIn,
            "allnotin" => Self::AllNotIn,
            "greaterthan" => Self::Numeric(Cmp::Gt),
            "greaterthanorequals" => Self::Numeric(Cmp::Ge),
            "lessthan" => Self::Numeric(Cmp::Lt),
            "lessthanorequals" => Self::Numeric(Cmp::Le),
            "durationgreaterthan" => Self::Duration(Cmp::Gt),
            "durationgreaterthanorequals" => Self::Duration(Cmp::Ge),
            "durationlessthan" => Self::Duration(Cmp::Lt),
            "durationlessthanorequals" => Self::Duration(Cmp::Le),
            _ => return None,
        })
    }

    /// Kyverno's spelling.
    pub fn name(self) -> &'static str {
        match self {
            Self::Equals => "Equals",
            Self::NotEquals => "NotEquals",
            Self::In => "In",
            Self::AnyIn => "AnyIn",
            Self::AllIn => "AllIn",
            Self::NotIn => "NotIn",
            Self::AnyNotIn => "AnyNotIn",
            Self::AllNotIn => "AllNotIn",
            Self::Numeric(Cmp::Gt) => "GreaterThan",
            Self::Numeric(Cmp::Ge) => "GreaterThanOrEquals",
            Self::Numeric(Cmp::Lt) => "LessThan",
            Self::Numeric(Cmp::Le) => "LessThanOrEquals",
            Self::Duration(Cmp::Gt) => "DurationGreaterThan",
            Self::Duration(Cmp::Ge) => "DurationGreaterThanOrEquals",
            Self::Duration(Cmp::Lt) => "DurationLessThan",
            Self::Duration(Cmp::Le) => "DurationLessThanOrEquals",
        }
    }

    /// Kyverno's operator over substituted `key` and `value`.
    pub fn evaluate(self, key: &Value, value: &Value) -> bool {
        match self {
            Self::Equals => equals(key, value),
            Self::NotEquals => not_equals(key, value),
            Self::In => membership(key, value, Set::In),
            Self::NotIn => membership(key, value, Set::NotIn),
            Self::AnyIn => membership(key, value, Set::AnyIn),
            Self::AllIn => membership(key, value, Set::AllIn),
            Self::AnyNotIn => membership(key, value, Set::AnyNotIn),
            Self::AllNotIn => membership(key, value, Set::AllNotIn),
            Self::Numeric(c) => numeric(key, value, c),
            Self::Duration(c) => duration_op(key, value, c),
        }
    }
}

/// One condition.
#[derive(Debug, Clone)]
struct Cond {
    path: String,
    key: Value,
    operator: Operator,
    value: Value,
    message: Option<String>,
}

#[derive(Debug, Clone)]
struct Block {
    path: String,
    any: Option<Vec<Cond>>,
    all: Vec<Cond>,
}

/// A `conditions` list (blocks of `any`/`all`), checked when the policy is read.
#[derive(Debug, Clone)]
pub struct Conditions {
    blocks: Vec<Block>,
    /// The list as written, in canonical JSON: what the conditions are, for cache keys and
    /// reports.
    source: String,
}

impl Conditions {
    /// Reads a `conditions` value: a list of `{any, all}` blocks, one such block, or (Kyverno's
    /// oldest form) a list of bare conditions. `path` prefixes every error's field path.
    pub fn parse(v: &Value, path: &str) -> Result<Self, ConditionError> {
        let invalid = |p: String, reason: &str| ConditionError {
            path: p,
            reason: reason.to_owned(),
            unsupported: false,
        };
        let mut count = 0usize;
        let mut blocks = Vec::new();
        let items: Vec<(String, &Value)> = match v {
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, b)| (format!("{path}[{i}]"), b))
                .collect(),
            Value::Object(_) => vec![(path.to_owned(), v)],
            Value::Null => Vec::new(),
            _ => return Err(invalid(path.to_owned(), "must be a list of any/all blocks")),
        };
        let bare = items
            .iter()
            .all(|(_, b)| b.get("key").is_some() || b.get("operator").is_some());
        if bare && !items.is_empty() {
            // Kyverno's pre-1.6 form: a plain list of conditions, all of which must hold.
            let all = items
                .iter()
                .map(|(p, c)| {
                    count += 1;
                    parse_cond(c, p)
                })
                .collect::<Result<_, _>>()?;
            blocks.push(Block {
                path: path.to_owned(),
                any: None,
                all,
            });
        } else {
            for (p, b) in items {
                let Value::Object(o) = b else {
                    return Err(invalid(p, "must be a block with `any` and/or `all`"));
                };
                if let Some(k) = o.keys().find(|k| *k != "any" && *k != "all") {
                    return Err(invalid(
                        format!("{p}.{k}"),
                        "unknown field (a block has `any` and `all`)",
                    ));
                }
                let list = |name: &str| -> Result<Option<Vec<Cond>>, ConditionError> {
                    match o.get(name) {
                        None | Some(Value::Null) => Ok(None),
                        Some(Value::Array(a)) => a
                            .iter()
                            .enumerate()
                            .map(|(i, c)| parse_cond(c, &format!("{p}.{name}[{i}]")))
                            .collect::<Result<Vec<_>, _>>()
                            .map(Some),
                        Some(_) => Err(invalid(format!("{p}.{name}"), "must be a list")),
                    }
                };
                let any = list("any")?;
                let all = list("all")?.unwrap_or_default();
                count += any.as_ref().map_or(0, Vec::len) + all.len();
                blocks.push(Block { path: p, any, all });
            }
        }
        if count > MAX_CONDITIONS {
            return Err(invalid(
                path.to_owned(),
                &format!("{count} conditions, more than the {MAX_CONDITIONS} accepted"),
            ));
        }
        Ok(Self {
            blocks,
            source: v.to_string(),
        })
    }

    /// The conditions as written (canonical JSON).
    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn is_empty(&self) -> bool {
        self.blocks
            .iter()
            .all(|b| b.any.is_none() && b.all.is_empty())
    }

    /// Evaluates every block over `data` (the predicate): `Ok` when each block's `any` has a
    /// condition that holds (or is absent) and all of its `all` hold. The failure names the
    /// first condition (or `any` block) that did not, and the values its keys had.
    pub fn evaluate(&self, data: &Value) -> Result<(), ConditionFailure> {
        // Kyverno substitutes the variables of every condition before evaluating any
        // (`SubstituteAllInConditions`): a field missing anywhere, even in an `any`
        // alternative another one would outvote, fails the whole list.
        for b in &self.blocks {
            for c in b.any.iter().flatten().chain(&b.all) {
                c.resolve(data)?;
            }
        }
        for b in &self.blocks {
            if let Some(any) = &b.any {
                let mut seen = Vec::new();
                let mut held = false;
                let mut whys = Vec::new();
                for c in any {
                    match c.check(data) {
                        Ok(()) => {
                            held = true;
                            break;
                        }
                        Err(f) => {
                            seen.extend(f.seen);
                            whys.push(format!("{} {}", c.path, f.why));
                        }
                    }
                }
                if !held && !any.is_empty() {
                    return Err(ConditionFailure {
                        expression: format!("{}.any", b.path),
                        why: format!("held for none ({})", whys.join("; ")),
                        seen,
                    });
                }
            }
            for c in &b.all {
                c.check(data)?;
            }
        }
        Ok(())
    }
}

impl Cond {
    fn describe(&self) -> String {
        format!(
            "{}: {} {} {}",
            self.path,
            show(&self.key),
            self.operator.name(),
            show(&self.value)
        )
    }

    fn fail(&self, why: String, seen: Vec<String>) -> ConditionFailure {
        ConditionFailure {
            expression: self.describe(),
            why,
            seen,
        }
    }

    /// The key and value with their variables substituted, and what was seen.
    fn resolve(&self, data: &Value) -> Result<(Value, Value, Vec<String>), ConditionFailure> {
        let key = substitute(&self.key, data).map_err(|e| self.fail(e, Vec::new()))?;
        let mut seen = Vec::new();
        if self.key != key {
            seen.push(format!("{} = {}", show(&self.key), clip(&go_json(&key))));
        }
        let value = substitute(&self.value, data).map_err(|e| self.fail(e, seen.clone()))?;
        if self.value != value {
            seen.push(format!(
                "{} = {}",
                show(&self.value),
                clip(&go_json(&value))
            ));
        }
        Ok((key, value, seen))
    }

    fn check(&self, data: &Value) -> Result<(), ConditionFailure> {
        let (key, value, seen) = self.resolve(data)?;
        if self.operator.evaluate(&key, &value) {
            Ok(())
        } else {
            let why = match &self.message {
                Some(m) if !m.is_empty() => format!("is false: {m}"),
                _ => "is false".to_owned(),
            };
            Err(self.fail(why, seen))
        }
    }
}

fn parse_cond(c: &Value, path: &str) -> Result<Cond, ConditionError> {
    let invalid = |p: String, reason: String| ConditionError {
        path: p,
        reason,
        unsupported: false,
    };
    let Value::Object(o) = c else {
        return Err(invalid(
            path.to_owned(),
            "must be a condition {key, operator, value}".to_owned(),
        ));
    };
    if let Some(k) = o
        .keys()
        .find(|k| !["key", "operator", "value", "message"].contains(&k.as_str()))
    {
        return Err(invalid(
            format!("{path}.{k}"),
            "unknown field (a condition has key, operator, value, message)".to_owned(),
        ));
    }
    let op = o
        .get("operator")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(format!("{path}.operator"), "is required".to_owned()))?;
    let operator = Operator::parse(op).ok_or_else(|| {
        invalid(
            format!("{path}.operator"),
            format!("unknown operator {op:?}"),
        )
    })?;
    let key = normalize(o.get("key").cloned().unwrap_or(Value::Null));
    let value = normalize(o.get("value").cloned().unwrap_or(Value::Null));
    check_templates(&key, &format!("{path}.key"))?;
    check_templates(&value, &format!("{path}.value"))?;
    let message = o.get("message").and_then(Value::as_str).map(str::to_owned);
    Ok(Cond {
        path: path.to_owned(),
        key,
        operator,
        value,
        message,
    })
}

// ---------------------------------------------------------------------------------------------
// Variables: `{{ … }}` substitution

/// Kyverno's variable pattern (`regex.RegexVariables`): a `{{ … }}` holding no braces except
/// single `{…}` groups, not preceded by a backslash. Its first group is the character before.
static VARIABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^\\])(\{\{(?:\{[^{}]*\}|[^{}])*\}\})").expect("the variable pattern compiles")
});

/// Checks every string in `v` as Kyverno would substitute it, innermost variable first, with
/// a placeholder in place of each value: each expression must compile, name only functions we
/// implement, and stay within the limits.
fn check_templates(v: &Value, path: &str) -> Result<(), ConditionError> {
    match v {
        Value::String(s) => check_template(s, path),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| check_templates(x, &format!("{path}[{i}]"))),
        Value::Object(o) => o
            .iter()
            .try_for_each(|(k, x)| check_templates(x, &format!("{path}.{k}"))),
        _ => Ok(()),
    }
}

fn check_template(s: &str, path: &str) -> Result<(), ConditionError> {
    let err = |reason: String, unsupported: bool| ConditionError {
        path: path.to_owned(),
        reason,
        unsupported,
    };
    if s.len() > MAX_TEMPLATE_BYTES {
        return Err(err(
            format!(
                "is {} bytes long, more than the {MAX_TEMPLATE_BYTES} accepted",
                s.len()
            ),
            false,
        ));
    }
    let mut text = s.to_owned();
    let mut seen = 0usize;
    loop {
        let vars: Vec<String> = VARIABLE
            .find_iter(&text)
            .map(|m| m.as_str().to_owned())
            .collect();
        if vars.is_empty() {
            return Ok(());
        }
        for v in vars {
            seen += 1;
            if seen > MAX_VARIABLES {
                return Err(err(
                    format!("holds more than the {MAX_VARIABLES} variables accepted"),
                    false,
                ));
            }
            let v = if v.starts_with("{{") { &v[..] } else { &v[1..] };
            let (expr, _) = variable_of(v);
            compile_checked(&expr).map_err(|(r, u)| err(r, u))?;
            text = text.replacen(v, "placeholder", 1);
        }
    }
}

/// The expression inside `{{ … }}` and whether it is Kyverno's shallow `{{- … }}`.
fn variable_of(v: &str) -> (String, bool) {
    let inner = v.replace("{{", "").replace("}}", "");
    let inner = inner.trim();
    match inner.strip_prefix('-') {
        Some(rest) => (rest.trim().to_owned(), true),
        None => (inner.to_owned(), false),
    }
}

/// Compiles a JMESPath expression with our limits and function list; the error says whether
/// the expression is valid Kyverno that we do not implement.
fn compile_checked(expr: &str) -> Result<jmespath::Expression<'static>, (String, bool)> {
    if expr == "@" || expr.is_empty() {
        return Err((
            format!(
                "the variable {{{{{expr}}}}} refers to the element being validated, which attestation conditions do not have"
            ),
            true,
        ));
    }
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for c in expr.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_NESTING {
        return Err((
            format!(
                "the expression nests {deepest} brackets deep, more than the {MAX_NESTING} accepted"
            ),
            false,
        ));
    }
    let compiled = RUNTIME.compile(expr).map_err(|e| {
        (
            format!("{expr:?} is not a JMESPath expression: {}", e.reason),
            false,
        )
    })?;
    let mut unknown = None;
    walk_functions(compiled.as_ast(), &mut |name| {
        if unknown.is_none()
            && !BUILTIN_FUNCTIONS.contains(&name)
            && !KYVERNO_FUNCTIONS.contains(&name)
        {
            unknown = Some(name.to_owned());
        }
    });
    if let Some(name) = unknown {
        return Err((
            format!(
                "the function {name}() is not supported (Kyverno functions implemented: {})",
                KYVERNO_FUNCTIONS.join(", ")
            ),
            true,
        ));
    }
    Ok(compiled)
}

fn walk_functions(ast: &jmespath::ast::Ast, f: &mut impl FnMut(&str)) {
    use jmespath::ast::Ast;
    match ast {
        Ast::Function { name, args, .. } => {
            f(name);
            for a in args {
                walk_functions(a, f);
            }
        }
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => {
            walk_functions(lhs, f);
            walk_functions(rhs, f);
        }
        Ast::Condition {
            predicate, then, ..
        } => {
            walk_functions(predicate, f);
            walk_functions(then, f);
        }
        Ast::Expref { ast, .. } => walk_functions(ast, f),
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => {
            walk_functions(node, f);
        }
        Ast::MultiList { elements, .. } => {
            for e in elements {
                walk_functions(e, f);
            }
        }
        Ast::MultiHash { elements, .. } => {
            for kv in elements {
                walk_functions(&kv.value, f);
            }
        }
        Ast::Identity { .. }
        | Ast::Field { .. }
        | Ast::Index { .. }
        | Ast::Literal { .. }
        | Ast::Slice { .. } => {}
    }
}

/// Substitutes every variable in `v` over `data`, as Kyverno does for conditions.
pub fn substitute(v: &Value, data: &Value) -> Result<Value, String> {
    match v {
        Value::String(s) => substitute_str(s, data),
        Value::Array(a) => a
            .iter()
            .map(|x| substitute(x, data))
            .collect::<Result<_, _>>()
            .map(Value::Array),
        Value::Object(o) => o
            .iter()
            .map(|(k, x)| Ok((k.clone(), substitute(x, data)?)))
            .collect::<Result<_, String>>()
            .map(Value::Object),
        other => Ok(other.clone()),
    }
}

fn substitute_str(s: &str, data: &Value) -> Result<Value, String> {
    let mut text = s.to_owned();
    let mut rounds = 0usize;
    loop {
        let vars: Vec<String> = VARIABLE
            .find_iter(&text)
            .map(|m| m.as_str().to_owned())
            .collect();
        if vars.is_empty() {
            break;
        }
        let mut shallow = false;
        for v in vars {
            rounds += 1;
            if rounds > MAX_VARIABLES {
                return Err(format!(
                    "holds more than the {MAX_VARIABLES} variables accepted"
                ));
            }
            let (prefix, var) = if v.starts_with("{{") {
                ("", &v[..])
            } else {
                v.split_at(1)
            };
            let (expr, is_shallow) = variable_of(var);
            shallow = is_shallow;
            let value = resolve(&expr, data)?;
            if text == var {
                return Ok(value);
            }
            let mut spliced = match &value {
                Value::String(s) => s.clone(),
                other => go_json(other),
            };
            if shallow {
                spliced = spliced.replace("{{", "\\{{");
            }
            text = text.replacen(&format!("{prefix}{var}"), &format!("{prefix}{spliced}"), 1);
        }
        if shallow {
            break;
        }
    }
    Ok(Value::String(text.replace("\\{{", "{{")))
}

fn resolve(expr: &str, data: &Value) -> Result<Value, String> {
    let compiled = compile_checked(expr).map_err(|(r, _)| r)?;
    let result = compiled
        .search(data)
        .map_err(|e| format!("{{{{ {expr} }}}} could not be evaluated: {}", e.reason))?;
    let value = serde_json::to_value(&*result).map_err(|e| format!("{{{{ {expr} }}}}: {e}"))?;
    if value.is_null() {
        // Kyverno's JMESPath reports a missing field as an error; a silent null would let
        // `NotEquals` and `NotIn` conditions hold over a predicate that lacks the field.
        return Err(format!(
            "{{{{ {expr} }}}} resolved to nothing (no such field)"
        ));
    }
    Ok(normalize(value))
}

/// JSON as Go's `encoding/json` decodes it into `interface{}`: every number a `float64`.
fn normalize(v: Value) -> Value {
    match v {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(a) => Value::Array(a.into_iter().map(normalize).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normalize(v))).collect()),
        other => other,
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => clip(&go_json(other)),
    }
}

fn clip(s: &str) -> String {
    crate::text::clip(s, 120)
}

// ---------------------------------------------------------------------------------------------
// Go's formatting of values (Kyverno stringifies with fmt.Sprint and json.Marshal)

/// `fmt.Sprint` of a float64 (`%v`: shortest, exponent below 1e-4 or from 1e21).
fn go_float(f: f64) -> String {
    if f == 0.0 {
        return "0".to_owned();
    }
    let a = f.abs();
    if (1e-4..1e21).contains(&a) {
        return format!("{f}");
    }
    go_exponent(&format!("{f:e}"))
}

/// Rust's `1e-7` / `1.5e21` in Go's form `1e-07` / `1.5e+21`.
fn go_exponent(s: &str) -> String {
    let Some((m, e)) = s.split_once('e') else {
        return s.to_owned();
    };
    let (sign, digits) = match e.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', e),
    };
    format!("{m}e{sign}{digits:0>2}")
}

/// `json.Marshal` of a float64 (`'f'` between 1e-6 and 1e21, else `'e'`).
fn go_json_float(f: f64) -> String {
    let a = f.abs();
    if a == 0.0 || (1e-6..1e21).contains(&a) {
        format!("{f}")
    } else {
        go_exponent(&format!("{f:e}"))
    }
}

fn go_json(v: &Value) -> String {
    match v {
        Value::Number(n) => go_json_float(n.as_f64().unwrap_or(0.0)),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(go_json).collect();
            format!("[{}]", items.join(","))
        }
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            let items: Vec<String> = keys
                .iter()
                .map(|k| format!("{}:{}", Value::String((*k).clone()), go_json(&o[*k])))
                .collect();
            format!("{{{}}}", items.join(","))
        }
        other => other.to_string(),
    }
}

/// `fmt.Sprint` of a decoded JSON value.
fn go_sprint(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => go_float(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => s.clone(),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(go_sprint).collect();
            format!("[{}]", items.join(" "))
        }
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            let items: Vec<String> = keys
                .iter()
                .map(|k| format!("{k}:{}", go_sprint(&o[*k])))
                .collect();
            format!("map[{}]", items.join(" "))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Wildcards, durations, quantities

/// Kyverno's `wildcard.Match(pattern, name)`: `*` any run of characters, `?` exactly one.
/// Linear in practice (the classic backtracking-to-last-star walk).
pub fn wildcard_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Go's `time.ParseDuration`, in nanoseconds: `[-+]?` then one or more `<number><unit>` with
/// units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`; `0` alone is zero.
pub fn parse_go_duration(s: &str) -> Option<i128> {
    let (neg, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num = &rest[..num_end];
        if num.is_empty() || num == "." || num.matches('.').count() > 1 {
            return None;
        }
        let n: f64 = num.parse().ok()?;
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale: f64 = match &rest[..unit_end] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        rest = &rest[unit_end..];
        total += n * scale;
    }
    if !total.is_finite() || total > 9.3e18 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let nanos = total.round() as i128;
    Some(if neg { -nanos } else { nanos })
}

/// Go's `Duration.String()` (`72h0m0s`, `1m30s`, `1.5s`, `500ms`).
pub fn go_duration_string(nanos: i128) -> String {
    if nanos == 0 {
        return "0s".to_owned();
    }
    let neg = nanos < 0;
    let u = nanos.unsigned_abs();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let frac = |v: u128, digits: u32| -> String {
        let p = 10u128.pow(digits);
        let (w, f) = (v / p, v % p);
        if f == 0 {
            w.to_string()
        } else {
            let f = format!("{f:0>width$}", width = digits as usize);
            format!("{w}.{}", f.trim_end_matches('0'))
        }
    };
    if u < 1_000_000_000 {
        let (v, d, unit) = if u < 1_000 {
            (u, 0, "ns")
        } else if u < 1_000_000 {
            (u, 3, "µs")
        } else {
            (u, 6, "ms")
        };
        let _ = write!(out, "{}{unit}", frac(v, d));
        return out;
    }
    let secs_n = u % 60_000_000_000;
    let mins = (u / 60_000_000_000) % 60;
    let hours = u / 3_600_000_000_000;
    if hours > 0 {
        let _ = write!(out, "{hours}h");
    }
    if hours > 0 || mins > 0 {
        let _ = write!(out, "{mins}m");
    }
    let _ = write!(out, "{}s", frac(secs_n, 9));
    out
}

/// A Kubernetes quantity (`resource.ParseQuantity`): a signed decimal with a binary-SI
/// (`Ki`…`Ei`), decimal-SI (`n u m k M G T P E`) or exponent (`e3`) suffix. As a float.
pub fn parse_quantity(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - digits_start;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac_digits = i - f;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    let number: f64 = s[..i].parse().ok()?;
    let suffix = &s[i..];
    let scale = match suffix {
        "" => 1.0,
        "Ki" => 1024f64,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        other => {
            let exp = other.strip_prefix(['e', 'E'])?;
            let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let e: i32 = exp.parse().ok()?;
            10f64.powi(e)
        }
    };
    Some(number * scale)
}

// ---------------------------------------------------------------------------------------------
// Operators

/// Kyverno's `parseDuration(key, value)`: at least one side a duration string (not `"0"`),
/// the other a duration string or a number of seconds. In nanoseconds.
fn durations(key: &Value, value: &Value) -> Option<(i128, i128)> {
    let dur = |v: &Value| match v {
        Value::String(s) if s != "0" => parse_go_duration(s),
        _ => None,
    };
    let secs = |v: &Value| {
        #[allow(clippy::cast_possible_truncation)]
        v.as_f64()
            .map(|f| (f.trunc() as i128).saturating_mul(1_000_000_000))
    };
    let (k, v) = (dur(key), dur(value));
    if k.is_none() && v.is_none() {
        return None;
    }
    Some((k.or_else(|| secs(key))?, v.or_else(|| secs(value))?))
}

fn equals(key: &Value, value: &Value) -> bool {
    match key {
        Value::Bool(k) => value.as_bool() == Some(*k),
        Value::Number(k) => {
            let k = k.as_f64().unwrap_or(f64::NAN);
            match value {
                #[allow(clippy::float_cmp)]
                Value::Number(v) => v.as_f64() == Some(k),
                #[allow(clippy::float_cmp)]
                Value::String(s) => s.trim().parse::<f64>().ok() == Some(k) && !s.contains(' '),
                _ => false,
            }
        }
        Value::String(k) => {
            if let Some((a, b)) = durations(key, value) {
                return a == b;
            }
            if let Some(kq) = parse_quantity(k)
                && let Value::String(v) = value
            {
                #[allow(clippy::float_cmp)]
                return parse_quantity(v) == Some(kq);
            }
            value.as_str().is_some_and(|v| wildcard_match(v, k))
        }
        Value::Object(_) | Value::Array(_) => key == value,
        Value::Null => false,
    }
}

fn not_equals(key: &Value, value: &Value) -> bool {
    match key {
        Value::Bool(k) => value.as_bool() != Some(*k),
        Value::Number(k) => {
            let k = k.as_f64().unwrap_or(f64::NAN);
            match value {
                #[allow(clippy::float_cmp)]
                Value::Number(v) => v.as_f64() != Some(k),
                #[allow(clippy::float_cmp)]
                Value::String(s) => s.parse::<f64>() != Ok(k),
                _ => true,
            }
        }
        Value::String(k) => {
            if let Some((a, b)) = durations(key, value) {
                return a != b;
            }
            if let Some(kq) = parse_quantity(k)
                && let Value::String(v) = value
            {
                if v.is_empty() {
                    return !wildcard_match(v, k);
                }
                #[allow(clippy::float_cmp)]
                return parse_quantity(v) != Some(kq);
            }
            value.as_str().is_none_or(|v| !wildcard_match(v, k))
        }
        Value::Object(_) | Value::Array(_) => key != value,
        Value::Null => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Set {
    In,
    NotIn,
    AnyIn,
    AllIn,
    AnyNotIn,
    AllNotIn,
}

fn either_matches(a: &str, b: &str) -> bool {
    wildcard_match(a, b) || wildcard_match(b, a)
}

/// The `In` family, following each of Kyverno's handlers (they differ in small ways: `In`
/// and `NotIn` want a key list of strings and compare sets exactly; the `Any`/`All` ones use
/// wildcards and accept a single non-JSON string as a one-item list).
fn membership(key: &Value, value: &Value, op: Set) -> bool {
    match key {
        Value::Array(items) => {
            let keys: Option<Vec<String>> = match op {
                // `In`/`NotIn` assert string items (Go would panic on others; we say no).
                Set::In | Set::NotIn => items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                _ => Some(items.iter().map(go_sprint).collect()),
            };
            let Some(keys) = keys else { return false };
            set_membership(&keys, value, op).unwrap_or(false)
        }
        Value::String(_) | Value::Number(_) | Value::Bool(_) => {
            let k = go_sprint(key);
            let found = match op {
                Set::In | Set::NotIn => key_in_array(&k, value),
                _ => key_in_array_lenient(&k, value),
            };
            match (found, op) {
                (None, _) => false,
                (Some(f), Set::In | Set::AnyIn | Set::AllIn) => f,
                (Some(f), _) => !f,
            }
        }
        _ => false,
    }
}

/// `keyExistsInArray` (`In`, `NotIn`): `None` when the value is of the wrong type.
fn key_in_array(key: &str, value: &Value) -> Option<bool> {
    key_in(key, value, |s| serde_json::from_str(s).ok())
}

/// `anyKeyExistsInArray` / `allKeyExistsInArray`: a string that is not JSON is one item.
fn key_in_array_lenient(key: &str, value: &Value) -> Option<bool> {
    key_in(key, value, json_string_list)
}

/// Whether `key` is among `value`'s items; the two Kyverno spellings differ only in how a
/// string value becomes a list (`list`).
fn key_in(key: &str, value: &Value, list: impl Fn(&str) -> Option<Vec<String>>) -> Option<bool> {
    match value {
        Value::Array(a) => Some(a.iter().any(|v| either_matches(&go_sprint(v), key))),
        Value::String(s) => {
            if wildcard_match(s, key) {
                return Some(true);
            }
            Some(list(s)?.iter().any(|v| v == key))
        }
        _ => None,
    }
}

/// A string value as Kyverno's `Any`/`All` handlers read it: a JSON list of strings, or
/// (when not JSON at all) a one-item list. `None` for JSON that is not a list of strings.
fn json_string_list(s: &str) -> Option<Vec<String>> {
    match serde_json::from_str::<Value>(s) {
        Ok(v) => serde_json::from_value(v).ok(),
        Err(_) => Some(vec![s.to_owned()]),
    }
}

fn set_membership(keys: &[String], value: &Value, op: Set) -> Option<bool> {
    let values: Vec<String> = match value {
        Value::Array(a) => match op {
            Set::In | Set::NotIn => a
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<_>>()?,
            _ => a.iter().map(go_sprint).collect(),
        },
        Value::Number(_) | Value::Bool(_) if matches!(op, Set::AnyIn | Set::AnyNotIn) => {
            vec![go_sprint(value)]
        }
        Value::String(s) => {
            if keys.len() == 1 && keys[0] == *s {
                return Some(matches!(op, Set::In | Set::AnyIn | Set::AllIn));
            }
            match op {
                Set::In | Set::NotIn => serde_json::from_str(s).ok()?,
                _ => json_string_list(s)?,
            }
        }
        _ => return None,
    };
    let contains = |k: &String, exact: bool| {
        values
            .iter()
            .any(|v| if exact { v == k } else { either_matches(k, v) })
    };
    Some(match op {
        Set::In => keys.iter().all(|k| contains(k, true)),
        Set::NotIn => keys.iter().any(|k| !contains(k, true)),
        Set::AnyIn => keys.iter().any(|k| contains(k, false)),
        Set::AllIn => keys.iter().all(|k| contains(k, false)),
        Set::AnyNotIn => keys.iter().any(|k| !contains(k, false)),
        Set::AllNotIn => keys.iter().all(|k| !contains(k, false)),
    })
}

/// `GreaterThan`…: durations, quantities, numbers, then semantic versions (Kyverno's order).
fn numeric(key: &Value, value: &Value, c: Cmp) -> bool {
    let number_vs = |k: f64, value: &Value| -> bool {
        match value {
            Value::Number(v) => v.as_f64().is_some_and(|v| c.holds_f(k, v)),
            Value::String(s) => {
                if let Some((a, b)) = durations(&Value::from(k), value) {
                    return c.holds(a.cmp(&b));
                }
                s.parse::<f64>().is_ok_and(|v| c.holds_f(k, v))
            }
            _ => false,
        }
    };
    match key {
        Value::Number(k) => k.as_f64().is_some_and(|k| number_vs(k, value)),
        Value::String(k) => {
            if let Some((a, b)) = durations(key, value) {
                return c.holds(a.cmp(&b));
            }
            if let (Some(a), Some(Some(b))) =
                (parse_quantity(k), value.as_str().map(parse_quantity))
            {
                return a.partial_cmp(&b).is_some_and(|o| c.holds(o));
            }
            if let Ok(f) = k.parse::<f64>() {
                return number_vs(f, value);
            }
            if let Ok(kv) = semver::Version::parse(k) {
                return value
                    .as_str()
                    .and_then(|v| semver::Version::parse(v).ok())
                    .is_some_and(|vv| c.holds(kv.cmp_precedence(&vv)));
            }
            false
        }
        _ => false,
    }
}

/// `Duration…`: Go durations, a bare number being seconds.
fn duration_op(key: &Value, value: &Value, c: Cmp) -> bool {
    #[allow(clippy::cast_possible_truncation)]
    let as_nanos = |v: &Value, parse_strings: bool| -> Option<i128> {
        match v {
            Value::Number(n) => n
                .as_f64()
                .map(|f| (f.trunc() as i128).saturating_mul(1_000_000_000)),
            Value::String(s) if parse_strings => parse_go_duration(s),
            _ => None,
        }
    };
    match (as_nanos(key, true), as_nanos(value, true)) {
        (Some(a), Some(b)) => c.holds(a.cmp(&b)),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// The JMESPath runtime: the standard functions and Kyverno's that we implement

static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    let mut rt = Runtime::new();
    rt.register_builtin_functions();
    let s = || ArgumentType::String;
    let str_or_num = || ArgumentType::Union(vec![ArgumentType::String, ArgumentType::Number]);
    let reg = |rt: &mut Runtime, name: &str, inputs: Vec<ArgumentType>, f: Box<Fun>| {
        rt.register_function(
            name,
            Box::new(CustomFunction::new(Signature::new(inputs, None), f)),
        );
    };
    reg(
        &mut rt,
        "regex_match",
        vec![s(), str_or_num()],
        Box::new(regex_match),
    );
    reg(
        &mut rt,
        "pattern_match",
        vec![s(), str_or_num()],
        Box::new(pattern_match),
    );
    reg(
        &mut rt,
        "time_since",
        vec![s(), s(), s()],
        Box::new(time_since),
    );
    reg(
        &mut rt,
        "time_after",
        vec![s(), s()],
        Box::new(|a, c| time_order(a, c, true)),
    );
    reg(
        &mut rt,
        "time_before",
        vec![s(), s()],
        Box::new(|a, c| time_order(a, c, false)),
    );
    reg(&mut rt, "time_now_utc", vec![], Box::new(time_now_utc));
    reg(
        &mut rt,
        "to_upper",
        vec![s()],
        Box::new(|a, c| map_str(a, c, str::to_uppercase)),
    );
    reg(
        &mut rt,
        "to_lower",
        vec![s()],
        Box::new(|a, c| map_str(a, c, str::to_lowercase)),
    );
    reg(&mut rt, "trim", vec![s(), s()], Box::new(trim));
    reg(
        &mut rt,
        "trim_prefix",
        vec![s(), s()],
        Box::new(trim_prefix),
    );
    reg(&mut rt, "split", vec![s(), s()], Box::new(split));
    reg(&mut rt, "equal_fold", vec![s(), s()], Box::new(equal_fold));
    reg(
        &mut rt,
        "replace_all",
        vec![s(), s(), s()],
        Box::new(replace_all),
    );
    reg(
        &mut rt,
        "truncate",
        vec![s(), ArgumentType::Number],
        Box::new(truncate),
    );
    reg(
        &mut rt,
        "semver_compare",
        vec![s(), s()],
        Box::new(semver_compare),
    );
    rt
});

type Fun = dyn Fn(&[Rcvar], &mut Context<'_>) -> jmespath::SearchResult + Sync + Send;

fn fn_error(ctx: &Context<'_>, name: &str, why: &str) -> jmespath::JmespathError {
    // The crate's runtime errors are a closed set; an invalid argument is the closest.
    let _ = name;
    jmespath::JmespathError::from_ctx(ctx, jmespath::ErrorReason::Parse(format!("{name}: {why}")))
}

fn arg_str(args: &[Rcvar], i: usize) -> String {
    match &*args[i] {
        Variable::String(s) => s.clone(),
        Variable::Number(n) => go_float(n.as_f64().unwrap_or(0.0)),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[allow(clippy::unnecessary_wraps)] // the shape every function returns
fn ok(v: Variable) -> jmespath::SearchResult {
    Ok(Rcvar::new(v))
}

fn compile_regex(
    ctx: &Context<'_>,
    name: &str,
    re: &str,
) -> Result<Regex, jmespath::JmespathError> {
    regex::RegexBuilder::new(re)
        .size_limit(MAX_REGEX_SIZE)
        .build()
        .map_err(|e| fn_error(ctx, name, &format!("invalid regular expression: {e}")))
}

fn regex_match(args: &[Rcvar], ctx: &mut Context<'_>) -> jmespath::SearchResult {
    let re = compile_regex(ctx, "regex_match", &arg_str(args, 0))?;
    ok(Variable::Bool(re.is_match(&arg_str(args, 1))))
}

fn pattern_match(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    ok(Variable::Bool(wildcard_match(
        &arg_str(args, 0),
        &arg_str(args, 1),
    )))
}

/// Go's `time.Parse(time.RFC3339, …)`; other layouts are refused at evaluation.
fn parse_time(
    ctx: &Context<'_>,
    name: &str,
    layout: &str,
    s: &str,
) -> Result<jiff::Timestamp, jmespath::JmespathError> {
    if !layout.is_empty() && layout != "2006-01-02T15:04:05Z07:00" {
        return Err(fn_error(
            ctx,
            name,
            &format!("time layout {layout:?} is not supported (only RFC 3339, the empty layout)"),
        ));
    }
    s.parse::<jiff::Timestamp>()
        .map_err(|e| fn_error(ctx, name, &format!("{s:?} is not an RFC 3339 time: {e}")))
}

fn time_since(args: &[Rcvar], ctx: &mut Context<'_>) -> jmespath::SearchResult {
    let layout = arg_str(args, 0);
    let t1 = parse_time(ctx, "time_since", &layout, &arg_str(args, 1))?;
    let end = arg_str(args, 2);
    let t2 = if end.is_empty() {
        jiff::Timestamp::now()
    } else {
        parse_time(ctx, "time_since", &layout, &end)?
    };
    let nanos = t2.as_nanosecond() - t1.as_nanosecond();
    ok(Variable::String(go_duration_string(nanos)))
}

fn time_order(args: &[Rcvar], ctx: &mut Context<'_>, after: bool) -> jmespath::SearchResult {
    let name = if after { "time_after" } else { "time_before" };
    let t1 = parse_time(ctx, name, "", &arg_str(args, 0))?;
    let t2 = parse_time(ctx, name, "", &arg_str(args, 1))?;
    ok(Variable::Bool(if after { t1 > t2 } else { t1 < t2 }))
}

fn time_now_utc(_: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    ok(Variable::String(
        jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .map_or_else(|_| String::new(), |t| t.to_string()),
    ))
}

fn map_str(args: &[Rcvar], _: &mut Context<'_>, f: fn(&str) -> String) -> jmespath::SearchResult {
    ok(Variable::String(f(&arg_str(args, 0))))
}

fn trim(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    let cut = arg_str(args, 1);
    ok(Variable::String(
        arg_str(args, 0)
            .trim_matches(|c| cut.contains(c))
            .to_owned(),
    ))
}

fn trim_prefix(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    let s = arg_str(args, 0);
    let p = arg_str(args, 1);
    ok(Variable::String(
        s.strip_prefix(p.as_str()).unwrap_or(&s).to_owned(),
    ))
}

fn split(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    let s = arg_str(args, 0);
    let sep = arg_str(args, 1);
    let parts: Vec<Rcvar> = if sep.is_empty() {
        s.chars()
            .map(|c| Rcvar::new(Variable::String(c.to_string())))
            .collect()
    } else {
        s.split(sep.as_str())
            .map(|p| Rcvar::new(Variable::String(p.to_owned())))
            .collect()
    };
    ok(Variable::Array(parts))
}

fn equal_fold(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    ok(Variable::Bool(
        arg_str(args, 0).to_lowercase() == arg_str(args, 1).to_lowercase(),
    ))
}

fn replace_all(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    ok(Variable::String(
        arg_str(args, 0).replace(&arg_str(args, 1), &arg_str(args, 2)),
    ))
}

fn truncate(args: &[Rcvar], _: &mut Context<'_>) -> jmespath::SearchResult {
    let s = arg_str(args, 0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = args[1].as_number().unwrap_or(0.0).max(0.0) as usize;
    ok(Variable::String(s.chars().take(n).collect()))
}

/// Kyverno's `semver_compare(version, range)`: the range is one comparison (`>=1.2.3`,
/// `<2.0.0`, `=1.0.0`, a bare version) or several joined by spaces (all must hold).
fn semver_compare(args: &[Rcvar], ctx: &mut Context<'_>) -> jmespath::SearchResult {
    let v = semver::Version::parse(&arg_str(args, 0))
        .map_err(|e| fn_error(ctx, "semver_compare", &e.to_string()))?;
    let range = arg_str(args, 1);
    let mut all = true;
    for part in range.split_whitespace() {
        let (op, ver) = ["<=", ">=", "!=", "==", "<", ">", "="]
            .iter()
            .find_map(|op| part.strip_prefix(op).map(|r| (*op, r)))
            .unwrap_or(("=", part));
        let r = semver::Version::parse(ver)
            .map_err(|e| fn_error(ctx, "semver_compare", &format!("{part:?}: {e}")))?;
        let o = v.cmp_precedence(&r);
        all &= match op {
            "<=" => o != Ordering::Greater,
            ">=" => o != Ordering::Less,
            "<" => o == Ordering::Less,
            ">" => o == Ordering::Greater,
            "!=" => o != Ordering::Equal,
            _ => o == Ordering::Equal,
        };
    }
    ok(Variable::Bool(all))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(name: &str, key: Value, value: Value) -> bool {
        Operator::parse(name)
            .expect("operator")
            .evaluate(&normalize(key), &normalize(value))
    }

    #[test]
    fn every_operator_true_and_false() {
        let table: &[(&str, Value, Value, bool)] = &[
            // Equals: strings with the value as a wildcard pattern, numbers, bools, objects.
            ("Equals", json!("main"), json!("main"), true),
            ("Equals", json!("dev"), json!("main"), false),
            (
                "Equals",
                json!("pkg:github/aquasecurity/trivy@0.37.2"),
                json!("pkg:github/aquasecurity/trivy@0.37.*"),
                true,
            ),
            (
                "Equals",
                json!("pkg:github/aquasecurity/trivy@0.38.0"),
                json!("pkg:github/aquasecurity/trivy@0.37.*"),
                false,
            ),
            ("Equals", json!("a*"), json!("abc"), false), // the key is never the pattern
            ("Equals", json!("v1.2"), json!("v1.?"), true),
            ("equal", json!(0), json!(0), true),
            ("Equals", json!(0), json!(1), false),
            ("Equals", json!(3), json!("3"), true),
            ("Equals", json!(true), json!(true), true),
            ("Equals", json!(false), json!(true), false),
            ("Equals", json!(true), json!("true"), false),
            ("Equals", json!("1h"), json!("60m"), true),
            ("Equals", json!("1h"), json!(3600), true),
            ("Equals", json!("1h"), json!("61m"), false),
            ("Equals", json!("1Gi"), json!("1024Mi"), true),
            ("Equals", json!("1G"), json!("1Gi"), false),
            ("Equals", json!({"a": 1}), json!({"a": 1.0}), true),
            ("Equals", json!(["a"]), json!(["b"]), false),
            // NotEquals mirrors Equals.
            ("NotEquals", json!("CycloneDX"), json!("CycloneDX"), false),
            ("NotEquals", json!("SPDX"), json!("CycloneDX"), true),
            ("NotEquals", json!(1), json!(1), false),
            ("NotEquals", json!(1), json!(2), true),
            ("NotEquals", json!(true), json!("x"), true),
            ("NotEquals", json!("2"), json!(""), true),
            // In (deprecated): a key string in a list, with wildcards both ways.
            (
                "In",
                json!("ana@example.com"),
                json!(["ana@example.com", "bob@example.com"]),
                true,
            ),
            (
                "In",
                json!("eve@example.com"),
                json!(["ana@example.com", "bob@example.com"]),
                false,
            ),
            (
                "In",
                json!(["ana@example.com", "bob@example.com"]),
                json!(["ana@example.com", "bob@example.com", "cy@example.com"]),
                true,
            ),
            (
                "In",
                json!(["ana@example.com", "eve@example.com"]),
                json!(["ana@example.com", "bob@example.com"]),
                false,
            ),
            ("In", json!("a"), json!("[\"a\",\"b\"]"), true),
            ("In", json!("x"), json!(5), false),
            // NotIn
            ("NotIn", json!("eve"), json!(["ana", "bob"]), true),
            ("NotIn", json!("ana"), json!(["ana", "bob"]), false),
            ("NotIn", json!(["ana", "eve"]), json!(["ana", "bob"]), true),
            ("NotIn", json!(["ana"]), json!(["ana", "bob"]), false),
            // AnyIn
            ("AnyIn", json!(["GPL-3.0", "MIT"]), json!(["GPL-3.0"]), true),
            ("AnyIn", json!(["MIT"]), json!(["GPL-*"]), false),
            ("AnyIn", json!(["GPL-2.0"]), json!(["GPL-*"]), true),
            ("AnyIn", json!("prod"), json!("prod"), true),
            // AllIn
            (
                "AllIn",
                json!(["GPL-3.0", "GPL-2.0"]),
                json!(["GPL-*"]),
                true,
            ),
            (
                "AllIn",
                json!(["GPL-3.0", "MIT"]),
                json!(["GPL-3.0"]),
                false,
            ),
            ("AllIn", json!(["GPL-3.0"]), json!("GPL-3.0"), true),
            // AnyNotIn
            (
                "AnyNotIn",
                json!(["CVE-1", "CVE-2"]),
                json!(["CVE-1"]),
                true,
            ),
            (
                "AnyNotIn",
                json!(["CVE-1"]),
                json!(["CVE-1", "CVE-2"]),
                false,
            ),
            // AllNotIn
            (
                "AllNotIn",
                json!(["LOW", "MEDIUM"]),
                json!(["CRITICAL", "HIGH"]),
                true,
            ),
            (
                "AllNotIn",
                json!(["LOW", "HIGH"]),
                json!(["CRITICAL", "HIGH"]),
                false,
            ),
            ("AllNotIn", json!([]), json!(["CRITICAL", "HIGH"]), true),
            // Numbers, quantities, durations, versions.
            ("GreaterThan", json!(5), json!(3), true),
            ("GreaterThan", json!(3), json!(3), false),
            ("GreaterThan", json!("2Gi"), json!("1500Mi"), true),
            ("GreaterThan", json!("1.10.0"), json!("1.9.3"), true),
            ("GreaterThan", json!("1.2.0"), json!("1.10.0"), false),
            ("GreaterThanOrEquals", json!(3), json!("3"), true),
            ("GreaterThanOrEquals", json!(2.5), json!(3), false),
            ("LessThan", json!("23h0m0s"), json!("24h"), true),
            ("LessThan", json!("25h0m0s"), json!("24h"), false),
            ("LessThan", json!("100m"), json!("1"), true),
            ("LessThanOrEquals", json!("167h59m0s"), json!("168h"), true),
            (
                "LessThanOrEquals",
                json!("168h0m0.5s"),
                json!("168h"),
                false,
            ),
            ("LessThanOrEquals", json!(8), json!(8), true),
            ("LessThan", json!("abc"), json!("abd"), false), // not ordered text
            ("DurationGreaterThan", json!("2h"), json!("1h"), true),
            ("DurationGreaterThan", json!("1h"), json!("1h"), false),
            (
                "DurationGreaterThanOrEquals",
                json!("1h"),
                json!(3600),
                true,
            ),
            (
                "DurationGreaterThanOrEquals",
                json!("1h"),
                json!("2h"),
                false,
            ),
            ("DurationLessThan", json!(59), json!("1m"), true),
            ("DurationLessThan", json!("1m"), json!("59s"), false),
            ("DurationLessThanOrEquals", json!("1m"), json!("60s"), true),
            ("DurationLessThanOrEquals", json!("x"), json!("60s"), false),
        ];
        for (name, key, value, want) in table {
            assert_eq!(
                op(name, key.clone(), value.clone()),
                *want,
                "{key} {name} {value}"
            );
        }
    }

    #[test]
    fn operator_names_are_case_insensitive_and_unknown_ones_refused() {
        assert_eq!(Operator::parse("equals"), Some(Operator::Equals));
        assert_eq!(Operator::parse("ANYNOTIN"), Some(Operator::AnyNotIn));
        assert_eq!(Operator::parse("Matches"), None);
        let e = Conditions::parse(
            &json!([{"all": [{"key": "a", "operator": "Matches", "value": "b"}]}]),
            "conditions",
        )
        .expect_err("refused");
        assert_eq!(e.path, "conditions[0].all[0].operator");
        assert!(e.reason.contains("unknown operator \"Matches\""), "{e}");
    }

    fn code_review(branch: &str) -> Value {
        json!({
            "repo": {"uri": "https://git-repo.com/org/app", "branch": branch},
            "reviewers": ["ana@example.com", "bob@example.com"],
        })
    }

    fn kyverno_page_conditions() -> Conditions {
        Conditions::parse(
            &json!([{"all": [
                {"key": "{{ repo.uri }}", "operator": "Equals", "value": "https://git-repo.com/org/app"},
                {"key": "{{ repo.branch }}", "operator": "Equals", "value": "main"},
                {"key": "{{ reviewers }}", "operator": "In", "value": ["ana@example.com", "bob@example.com"]},
            ]}]),
            "conditions",
        )
        .expect("parses")
    }

    #[test]
    fn the_kyverno_page_code_review_conditions() {
        let c = kyverno_page_conditions();
        c.evaluate(&code_review("main")).expect("main holds");
        let f = c.evaluate(&code_review("dev")).expect_err("dev fails");
        assert_eq!(
            f.to_string(),
            "condition `conditions[0].all[1]: {{ repo.branch }} Equals main` is false \
             (saw {{ repo.branch }} = \"dev\")"
        );
    }

    #[test]
    fn any_blocks_hold_when_one_holds_and_name_all_when_none() {
        let c = Conditions::parse(
            &json!([{"any": [
                {"key": "{{ a }}", "operator": "Equals", "value": 1},
                {"key": "{{ b }}", "operator": "Equals", "value": "x", "message": "b must be x"},
            ]}]),
            "c",
        )
        .expect("parses");
        c.evaluate(&json!({"a": 1, "b": "y"})).expect("a holds");
        c.evaluate(&json!({"a": 2, "b": "x"})).expect("b holds");
        let f = c.evaluate(&json!({"a": 2, "b": "y"})).expect_err("none");
        assert_eq!(f.expression, "c[0].any");
        assert!(f.why.contains("c[0].any[1] is false: b must be x"), "{f}");
        assert!(f.seen.iter().any(|s| s == "{{ a }} = 2"), "{:?}", f.seen);
    }

    #[test]
    fn nested_variables_resolve_innermost_first_as_kyverno_does() {
        let data = json!({"builder": {"id": "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v1.4.0"}});
        let key = json!(
            "{{ regex_match('^https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v[0-9].[0-9].[0-9]$','{{ builder.id}}') }}"
        );
        assert_eq!(substitute(&key, &data), Ok(json!(true)));
        let other = json!({"builder": {"id": "https://evil.example/x"}});
        assert_eq!(substitute(&key, &other), Ok(json!(false)));
        // A variable inside a longer string is spliced in as text.
        assert_eq!(
            substitute(
                &json!("branch={{ b }} n={{ n }}"),
                &json!({"b": "main", "n": 2})
            ),
            Ok(json!("branch=main n=2"))
        );
        // Escaped braces are left alone.
        assert_eq!(
            substitute(&json!("\\{{ b }}"), &json!({"b": 1})),
            Ok(json!("{{ b }}"))
        );
    }

    #[test]
    fn jmespath_filters_lengths_and_projections() {
        let data = json!({
            "Results": [{"Vulnerabilities": [{"CVSS": {"redhat": {"V3Score": 9.1}}}, {"CVSS": {"redhat": {"V3Score": 5.0}}}]}],
            "scanner": {"result": {"Results": [{"Vulnerabilities": [{"Severity": "LOW"}, {"Severity": "HIGH"}]}]}},
        });
        assert_eq!(
            substitute(
                &json!(
                    "{{ Results[].Vulnerabilities[?CVSS.redhat.V3Score > `8.0`][] | length(@) }}"
                ),
                &data
            ),
            Ok(json!(1.0))
        );
        let c = Conditions::parse(
            &json!([{"all": [{"key": "{{ scanner.result.Results[].Vulnerabilities[].Severity }}", "operator": "AllNotIn", "value": ["CRITICAL", "HIGH"]}]}]),
            "c",
        )
        .expect("parses");
        let f = c.evaluate(&data).expect_err("HIGH present");
        assert!(f.seen[0].contains("[\"LOW\",\"HIGH\"]"), "{:?}", f.seen);
    }

    #[test]
    fn time_since_gives_go_durations_compared_as_durations() {
        let data = json!({"metadata": {"scanFinishedOn": "2026-01-01T00:00:00Z"}, "end": "2026-01-04T00:00:01Z"});
        assert_eq!(
            substitute(
                &json!("{{ time_since('', metadata.scanFinishedOn, end) }}"),
                &data
            ),
            Ok(json!("72h0m1s"))
        );
        let c = |limit: &str| {
            Conditions::parse(
                &json!([{"all": [{"key": "{{ time_since('','{{metadata.scanFinishedOn}}','{{end}}') }}", "operator": "LessThanOrEquals", "value": limit}]}]),
                "c",
            )
            .expect("parses")
        };
        c("168h").evaluate(&data).expect("within a week");
        assert!(c("72h").evaluate(&data).is_err());
        // A layout other than RFC 3339 is refused when evaluated, never silently false.
        let e =
            substitute(&json!("{{ time_since('Jan 2', end, '') }}"), &data).expect_err("layout");
        assert!(e.contains("not supported"), "{e}");
    }

    #[test]
    fn unknown_functions_and_bad_expressions_are_refused_when_read() {
        let e = Conditions::parse(
            &json!([{"all": [{"key": "{{ x509_decode(cert) }}", "operator": "Equals", "value": 1}]}]),
            "spec.rules[0].verifyImages[0].attestations[0].conditions",
        )
        .expect_err("unknown function");
        assert!(e.unsupported);
        assert_eq!(
            e.path,
            "spec.rules[0].verifyImages[0].attestations[0].conditions[0].all[0].key"
        );
        assert!(e.reason.contains("x509_decode() is not supported"), "{e}");
        // Nested inside another variable, and in a value.
        let e = Conditions::parse(
            &json!([{"all": [{"key": "a", "operator": "In", "value": ["{{ lookup('x', '{{ y }}') }}"]}]}]),
            "c",
        )
        .expect_err("unknown function");
        assert_eq!(e.path, "c[0].all[0].value[0]");
        let e = Conditions::parse(
            &json!([{"all": [{"key": "{{ a[ }}", "operator": "Equals", "value": 1}]}]),
            "c",
        )
        .expect_err("syntax");
        assert!(!e.unsupported);
        assert!(e.reason.contains("is not a JMESPath expression"), "{e}");
        let deep = format!("{{{{ {}a{} }}}}", "(".repeat(40), ")".repeat(40));
        let e = Conditions::parse(
            &json!([{"all": [{"key": deep, "operator": "Equals", "value": 1}]}]),
            "c",
        )
        .expect_err("deep");
        assert!(e.reason.contains("brackets deep"), "{e}");
        let long = format!("{{{{ a }}}}{}", " ".repeat(MAX_TEMPLATE_BYTES));
        assert!(
            Conditions::parse(
                &json!([{"all": [{"key": long, "operator": "Equals", "value": 1}]}]),
                "c"
            )
            .is_err()
        );
    }

    #[test]
    fn a_missing_field_fails_closed() {
        let c = Conditions::parse(
            &json!([{"all": [{"key": "{{ repo.branch }}", "operator": "NotEquals", "value": "dev"}]}]),
            "c",
        )
        .expect("parses");
        c.evaluate(&json!({"repo": {"branch": "main"}}))
            .expect("holds");
        let f = c.evaluate(&json!({"repo": {}})).expect_err("missing");
        assert!(f.why.contains("resolved to nothing"), "{f}");
    }

    /// Kyverno substitutes every variable of the conditions before evaluating any of them, so
    /// a missing field anywhere (even in an `any` alternative that another one would outvote)
    /// fails the attestation: it must not pass here because the other alternative holds.
    #[test]
    fn a_missing_field_in_an_any_alternative_fails_closed() {
        let c = Conditions::parse(
            &json!([{"any": [
                {"key": "{{ repo.branch }}", "operator": "Equals", "value": "main"},
                {"key": "{{ repo.tag }}", "operator": "Equals", "value": "v1"},
            ]}]),
            "c",
        )
        .expect("parses");
        c.evaluate(&json!({"repo": {"branch": "main", "tag": "v0"}}))
            .expect("branch holds, tag is there");
        let f = c
            .evaluate(&json!({"repo": {"branch": "main"}}))
            .expect_err("repo.tag is missing: Kyverno fails the substitution");
        assert!(f.why.contains("resolved to nothing"), "{f}");
        assert!(f.expression.contains("c[0].any[1]"), "{f}");
    }

    #[test]
    fn bare_condition_lists_and_single_blocks_are_read() {
        let c = Conditions::parse(
            &json!([{"key": "{{ a }}", "operator": "Equals", "value": 1}]),
            "c",
        )
        .expect("bare");
        c.evaluate(&json!({"a": 1})).expect("holds");
        assert!(c.evaluate(&json!({"a": 2})).is_err());
        let c = Conditions::parse(
            &json!({"any": [{"key": "{{ a }}", "operator": "Equals", "value": 1}]}),
            "c",
        )
        .expect("block");
        assert!(c.evaluate(&json!({"a": 2})).is_err());
        let e = Conditions::parse(&json!([{"all": [], "none": []}]), "c").expect_err("field");
        assert_eq!(e.path, "c[0].none");
    }

    #[test]
    fn go_formats_and_parsers() {
        assert_eq!(go_duration_string(72 * 3_600_000_000_000), "72h0m0s");
        assert_eq!(go_duration_string(90_000_000_000), "1m30s");
        assert_eq!(go_duration_string(1_500_000_000), "1.5s");
        assert_eq!(go_duration_string(500_000_000), "500ms");
        assert_eq!(go_duration_string(-1_500), "-1.5µs");
        assert_eq!(parse_go_duration("1h30m"), Some(5_400_000_000_000));
        assert_eq!(parse_go_duration("1.5s"), Some(1_500_000_000));
        assert_eq!(parse_go_duration("-2ms"), Some(-2_000_000));
        assert_eq!(parse_go_duration("0"), Some(0));
        for bad in ["", "1", "h", "1x", "1..5s", "-"] {
            assert_eq!(parse_go_duration(bad), None, "{bad}");
        }
        assert_eq!(parse_quantity("1Ki"), Some(1024.0));
        assert_eq!(parse_quantity("100m"), Some(0.1));
        assert_eq!(parse_quantity("1e3"), Some(1000.0));
        assert_eq!(parse_quantity(".5"), Some(0.5));
        for bad in ["", "main", "1h", "1.2.3", "Ki", "1e"] {
            assert_eq!(parse_quantity(bad), None, "{bad}");
        }
        assert_eq!(go_float(3.0), "3");
        assert_eq!(go_float(0.5), "0.5");
        assert_eq!(go_float(1e21), "1e+21");
        assert_eq!(go_float(1e-7), "1e-07");
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a*c", "abbbc"));
        assert!(!wildcard_match("a*c", "abbb"));
        assert!(wildcard_match("ghcr.io/kyverno*", "ghcr.io/kyverno/x"));
        // Long hostile input finishes quickly (no exponential backtracking).
        let p = "*a".repeat(100);
        let n = "a".repeat(5000) + "b";
        assert!(!wildcard_match(&p, &n));
    }

    #[test]
    fn custom_functions() {
        let d = json!({"v": "1.4.2", "s": "  Ab,c  "});
        assert_eq!(
            substitute(&json!("{{ semver_compare(v, '>=1.4.0 <2.0.0') }}"), &d),
            Ok(json!(true))
        );
        assert_eq!(
            substitute(&json!("{{ semver_compare(v, '>1.4.2') }}"), &d),
            Ok(json!(false))
        );
        assert_eq!(
            substitute(&json!("{{ to_lower(trim(s, ' ')) }}"), &d),
            Ok(json!("ab,c"))
        );
        assert_eq!(
            substitute(&json!("{{ split(trim(s, ' '), ',') }}"), &d),
            Ok(json!(["Ab", "c"]))
        );
        assert_eq!(
            substitute(
                &json!("{{ time_after('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z') }}"),
                &d
            ),
            Ok(json!(true))
        );
        assert_eq!(
            substitute(&json!("{{ pattern_match('1.*', v) }}"), &d),
            Ok(json!(true))
        );
        let e = substitute(&json!("{{ regex_match('(', v) }}"), &d).expect_err("bad regex");
        assert!(e.contains("invalid regular expression"), "{e}");
    }
}
