using System.Globalization;

namespace LtcInsurance.Cli;

/// <summary>
/// The options of one <c>ltc</c> command: <c>--name value</c> pairs and bare <c>--flag</c>s, each command naming
/// the ones it takes. Any other word is a usage error, reported the same way by every command (exit 64).
/// </summary>
public sealed class CommandOptions
{
    public const int UsageError = 64;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandOptions()
    {
    }

    /// <summary>Reads <paramref name="args"/> from <paramref name="start"/>; null (after telling why) on a usage error.</summary>
    public static async Task<CommandOptions?> ParseAsync(
        IReadOnlyList<string> args, int start, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags,
        string usage, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = new CommandOptions();
        for (var i = start; i < args.Count; i++)
        {
            var word = args[i];
            if (valueOptions.Contains(word) && i + 1 < args.Count)
            {
                options._values[word] = args[++i];
            }
            else if (flags.Contains(word))
            {
                options._flags.Add(word);
            }
            else
            {
                await stderr.WriteLineAsync($"未知参数 / unknown argument: {word}");
                await stderr.WriteLineAsync(usage);
                return null;
            }
        }

        return options;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>A whole-number option: its default when absent, null when present but not a whole number.</summary>
    public int? Integer(string name, int defaultValue) =>
        this[name] is not { } text ? defaultValue
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : null;

    /// <summary>The value of <paramref name="name"/>, else the environment variable, else null.</summary>
    public string? OrEnvironment(string name, string variable) =>
        this[name] ?? Environment.GetEnvironmentVariable(variable);
}
