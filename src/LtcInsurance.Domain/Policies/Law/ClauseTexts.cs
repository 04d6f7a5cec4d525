using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace LtcInsurance.Domain.Policies.Law;

/// <summary>
/// One clause of a city's policy document as the project wrote it out in <c>docs/policies/sources/&lt;city&gt;.md</c>.
/// <see cref="Text"/> is the clause with its sub-clauses; <see cref="OwnText"/> the clause's own paragraphs only.
/// </summary>
public sealed record LawClause(string Id, string Tenant, string OwnText, string Text);

/// <summary>A clause a reference points to; <see cref="FromParent"/> when the referenced sub-clause has no anchor of its own.</summary>
public sealed record ClauseMatch(string Requested, LawClause Clause, bool FromParent);

/// <summary>
/// What a clause reference such as "ZJ 二(五)3、二(六)" resolves to. <see cref="Unresolved"/> lists the ids that look like
/// clause ids but name nothing in the documents; words that are no clause id (a team note after "；") are ignored.
/// </summary>
public sealed record ClauseLookup(IReadOnlyList<ClauseMatch> Matches, IReadOnlyList<string> Unresolved)
{
    /// <summary>At least one clause found and every clause id in the reference known.</summary>
    public bool Complete => Matches.Count > 0 && Unresolved.Count == 0;
}

/// <summary>
/// The law beside the code: the five documents' text by clause id, read from the Markdown copies embedded in this
/// assembly (anchors <c>&lt;a id="ZJ-二(五)3"&gt;&lt;/a&gt;</c>). Resolves the references the engine writes in traces and
/// parameters: several ids separated by 、 , ； (a following id without prefix keeps the previous prefix), item ranges
/// (<c>1-2</c>, <c>1–4</c>), team notes in full-width brackets (<c>YZ 四(四)（按日计算…）</c>), and a parent clause when a
/// sub-clause has no anchor of its own. Pure: the text is compiled into the assembly.
/// </summary>
public static partial class ClauseTexts
{
    private const string ResourcePrefix = "LtcInsurance.Domain.Policies.Law.Sources.";

    private static readonly Lazy<FrozenDictionary<string, LawClause>> Index = new(Load);

    /// <summary>Every clause of the five documents by id ("ZJ 二(五)3"), aliases included ("YL 五" and "YL 文末").</summary>
    public static IReadOnlyDictionary<string, LawClause> All => Index.Value;

    /// <summary>The clause with exactly this id, or null.</summary>
    public static LawClause? Get(string id) => Index.Value.GetValueOrDefault(Normalize(id));

    /// <summary>The clauses a reference points to, in the order referenced, each once.</summary>
    public static IReadOnlyList<ClauseMatch> Find(string? reference) => Resolve(reference).Matches;

    /// <summary>The clauses a reference points to and the clause ids in it that name nothing.</summary>
    public static ClauseLookup Resolve(string? reference) => Resolve(reference, Index.Value);

    /// <summary>Resolves against a given index (tests parse their own Markdown with <see cref="Parse"/>).</summary>
    public static ClauseLookup Resolve(string? reference, IReadOnlyDictionary<string, LawClause> index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var matches = new List<ClauseMatch>();
        var unresolved = new List<string>();
        if (string.IsNullOrWhiteSpace(reference))
            return new ClauseLookup(matches, unresolved);

        string? prefix = null;
        foreach (var rawToken in SplitTopLevel(Normalize(reference)))
        {
            var token = rawToken.Trim();
            var prefixed = PrefixedToken().Match(token);
            if (prefixed.Success)
            {
                prefix = prefixed.Groups["prefix"].Value;
                token = prefixed.Groups["body"].Value.Trim();
            }

            var (core, note) = SplitNote(token);
            var id = ClauseId().Match(core);
            if (!id.Success || prefix is null)
            {
                if (prefixed.Success)
                    unresolved.Add(rawToken.Trim());
                continue; // a team note, not a clause id
            }

            foreach (var concrete in Expand(id))
            {
                var requested = $"{prefix} {concrete}";
                var found = Lookup(index, requested + note, requested);
                if (found is null)
                    unresolved.Add(requested + note);
                else if (!matches.Any(m => m.Clause.Id == found.Value.Clause.Id))
                    matches.Add(new ClauseMatch(requested + note, found.Value.Clause, found.Value.FromParent));
            }
        }

        return new ClauseLookup(matches, unresolved);
    }

    /// <summary>Parses one Markdown source: clauses by id, each clause's text including its sub-clauses.</summary>
    public static IReadOnlyDictionary<string, LawClause> Parse(string tenant, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var nodes = new List<(List<string> Ids, List<string> Lines)>();
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            var anchor = Anchor().Match(line);
            if (anchor.Success)
            {
                // consecutive anchors without text between them are aliases of one clause
                var id = Normalize(anchor.Groups["prefix"].Value + " " + anchor.Groups["id"].Value);
                if (nodes.Count > 0 && nodes[^1].Lines.Count == 0)
                    nodes[^1].Ids.Add(id);
                else
                    nodes.Add(([id], []));
                continue;
            }

            if (nodes.Count == 0 || line.Length == 0 || line.StartsWith('#'))
                continue; // the file's header, headings and blank lines
            nodes[^1].Lines.Add(line);
        }

        var result = new Dictionary<string, LawClause>(StringComparer.Ordinal);
        var paths = nodes.Select(n => PathOf(n.Ids[0])).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            var own = string.Join("\n", nodes[i].Lines);
            var all = new StringBuilder(own);
            for (var j = i + 1; j < nodes.Count && IsBelow(paths[j], paths[i]); j++)
            {
                if (nodes[j].Lines.Count > 0)
                    all.Append('\n').Append(string.Join("\n", nodes[j].Lines));
            }

            foreach (var id in nodes[i].Ids)
            {
                if (!result.TryAdd(id, new LawClause(id, tenant, own, all.ToString())))
                    throw new InvalidOperationException($"{tenant}: clause anchor {id} appears twice");
            }
        }

        return result;
    }

    private static FrozenDictionary<string, LawClause> Load()
    {
        var assembly = typeof(ClauseTexts).Assembly;
        var all = new Dictionary<string, LawClause>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var tenant = resource[ResourcePrefix.Length..^".md".Length];
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"missing embedded resource {resource}");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            foreach (var (id, clause) in Parse(tenant, reader.ReadToEnd()))
            {
                if (!all.TryAdd(id, clause))
                    throw new InvalidOperationException($"clause {id} is declared by two documents");
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static (LawClause Clause, bool FromParent)? Lookup(IReadOnlyDictionary<string, LawClause> index, string withNote, string bare)
    {
        if (index.TryGetValue(withNote, out var exact))
            return (exact, false);
        if (index.TryGetValue(bare, out var clause))
            return (clause, false);
        for (var parent = Parent(bare); parent is not null; parent = Parent(parent))
        {
            if (index.TryGetValue(parent, out var found))
                return (found, true);
        }

        return null;
    }

    /// <summary>"ZJ 二(五)3(1)" → "ZJ 二(五)3" → "ZJ 二(五)" → "ZJ 二" → null.</summary>
    private static string? Parent(string id)
    {
        var trimmed = TrailingLevel().Replace(id, string.Empty, 1);
        return trimmed.Length < id.Length && trimmed.Contains(' ', StringComparison.Ordinal) && !trimmed.EndsWith(' ') ? trimmed : null;
    }

    private static IEnumerable<string> Expand(Match id)
    {
        var head = id.Groups["section"].Value + (id.Groups["sub"].Success ? $"({id.Groups["sub"].Value})" : string.Empty);
        var tail = id.Groups["subitem"].Success ? $"({id.Groups["subitem"].Value})" : string.Empty;
        if (!id.Groups["item"].Success)
        {
            yield return head + tail;
            yield break;
        }

        var from = int.Parse(id.Groups["item"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var to = id.Groups["itemTo"].Success ? int.Parse(id.Groups["itemTo"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
        for (var item = from; item <= Math.Max(from, to); item++)
            yield return FormattableString.Invariant($"{head}{item}{tail}");
    }

    /// <summary>"二(四)5（激励约束）" → ("二(四)5", "（激励约束）"); the note is the last full-width bracket group at the end.</summary>
    private static (string Core, string Note) SplitNote(string token)
    {
        if (!token.EndsWith('）'))
            return (token, string.Empty);
        var depth = 0;
        for (var i = token.Length - 1; i >= 0; i--)
        {
            if (token[i] == '）')
                depth++;
            else if (token[i] == '（' && --depth == 0)
                return (token[..i].Trim(), token[i..]);
        }

        return (token, string.Empty);
    }

    /// <summary>Splits at 、 , ， ; ； outside brackets (a note may itself contain them).</summary>
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '（' or '(':
                    depth++;
                    break;
                case '）' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '、' or ',' or '，' or ';' or '；' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        return parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
    }

    /// <summary>Full-width numbering brackets as the engine writes them: "二（五）" → "二(五)", "4（1）" → "4(1)".</summary>
    private static string Normalize(string id) => NumberInFullWidth().Replace(id.Trim(), "($1)");

    /// <summary>Hierarchy of an id: section, sub-section, item, sub-item, note — each a level.</summary>
    private static string[] PathOf(string id)
    {
        var space = id.IndexOf(' ', StringComparison.Ordinal);
        var (core, note) = SplitNote(id[(space + 1)..]);
        var match = ClauseId().Match(core);
        if (!match.Success)
            return [id];
        var path = new List<string> { match.Groups["section"].Value };
        foreach (var group in new[] { "sub", "item", "subitem" })
        {
            if (match.Groups[group].Success)
                path.Add(match.Groups[group].Value);
        }

        if (note.Length > 0)
            path.Add(note);
        return [.. path];
    }

    private static bool IsBelow(string[] path, string[] ancestor) =>
        path.Length > ancestor.Length && ancestor.SequenceEqual(path.Take(ancestor.Length), StringComparer.Ordinal);

    [GeneratedRegex(@"^<a id=""(?<prefix>[A-Z]{2})-(?<id>[^""]+)""></a>$")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"^(?<prefix>[A-Z]{2})\s+(?<body>.+)$")]
    private static partial Regex PrefixedToken();

    [GeneratedRegex(@"^(?<section>[一二三四五六七八九十]+|序言|文末|通知|附件)(?:\((?<sub>[一二三四五六七八九十]+)\))?(?:(?<item>\d+)(?:[-–—](?<itemTo>\d+))?)?(?:\((?<subitem>\d+)\))?$")]
    private static partial Regex ClauseId();

    [GeneratedRegex(@"（([一二三四五六七八九十]+|\d+)）")]
    private static partial Regex NumberInFullWidth();

    [GeneratedRegex(@"(?:\([一二三四五六七八九十\d]+\)|\d+)$")]
    private static partial Regex TrailingLevel();
}
