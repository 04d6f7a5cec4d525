namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// One value of a controlled vocabulary (服务方式, 医保类型, 人员类别 …): the <see cref="Code"/> that the calculator's
/// JSON, register files and parameter names use; the <see cref="ChineseName"/> people read; the <see cref="Clause"/>
/// of the policy documents that names it. <see cref="Aliases"/> are the other words register files use for it; the
/// first is the short form a file is written with (职工 for 职工基本医疗保险).
/// </summary>
public sealed record Term<T>(T Value, string Code, string ChineseName, string Clause)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The word a register file is written with: the first alias, else the Chinese name.</summary>
    public string ShortName => Aliases.Count > 0 ? Aliases[0] : ChineseName;
}

/// <summary>
/// The values of one vocabulary in their documented order, looked up by value, by code (exact: the calculator's
/// JSON) or by any word a register file may use (code, Chinese name or alias, case-insensitive). A code that is
/// not in the list is an error naming the field and the allowed codes, never mapped to a default.
/// </summary>
public sealed class CodeList<T>
    where T : notnull
{
    private readonly Dictionary<T, Term<T>> _byValue;
    private readonly Dictionary<string, Term<T>> _byCode;
    private readonly Dictionary<string, Term<T>> _byWord;

    public CodeList(string name, IEnumerable<Term<T>> terms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(terms);
        Name = name;
        Terms = [.. terms];
        _byValue = Terms.ToDictionary(t => t.Value);
        _byCode = Terms.ToDictionary(t => t.Code, StringComparer.Ordinal);
        _byWord = new Dictionary<string, Term<T>>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in Terms)
        {
            foreach (var word in (IEnumerable<string>)[term.Code, term.ChineseName, .. term.Aliases])
            {
                if (!_byWord.TryAdd(word, term) && !ReferenceEquals(_byWord[word], term))
                    throw new ArgumentException($"{name}：「{word}」同时指向两个取值", nameof(terms));
            }
        }
    }

    /// <summary>The concept's Chinese name (服务方式), used in messages.</summary>
    public string Name { get; }

    public IReadOnlyList<Term<T>> Terms { get; }

    public IEnumerable<string> Codes => Terms.Select(t => t.Code);

    public Term<T> this[T value] =>
        _byValue.TryGetValue(value, out var term) ? term : throw new ArgumentOutOfRangeException(nameof(value), value, $"{Name}没有取值 {value}");

    public bool IsKnown(string? code) => code is not null && _byCode.ContainsKey(code);

    /// <summary>The value of an exact <paramref name="code"/> (as the calculator's JSON and the database write it).</summary>
    public bool TryParse(string? code, out T value)
    {
        if (code is not null && _byCode.TryGetValue(code, out var term))
        {
            value = term.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The value of <paramref name="code"/>; an unknown code is <c>invalid_input</c> naming the field and the allowed codes.</summary>
    /// <exception cref="PolicyException">The code is not one of <see cref="Codes"/>.</exception>
    public T Parse(string? code, string field) =>
        TryParse(code, out var value)
            ? value
            : throw new PolicyException(ErrorCodes.InvalidInput, $"字段 {field} 的取值 {code ?? "null"} 不是已知的{Name}（可用：{string.Join("、", Codes)}）");

    /// <summary>The value a register file means by <paramref name="word"/>: its code, Chinese name or an alias, ignoring case.</summary>
    public bool TryRead(string? word, out T value)
    {
        if (word is not null && _byWord.TryGetValue(word.Trim(), out var term))
        {
            value = term.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The short forms a file may use, for a message: "职工、居民或无".</summary>
    public string ShortNames()
    {
        var names = Terms.Select(t => t.ShortName).ToList();
        return names.Count == 1 ? names[0] : string.Join("、", names.Take(names.Count - 1)) + "或" + names[^1];
    }
}
