using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LtcInsurance.Integration.Tests.Performance;

/// <summary>
/// Counts the SQL commands EF Core sends in the current async flow while <see cref="Measure"/>'s scope is open (EF's
/// <c>CommandExecuted</c> diagnostic events; other tests running at the same time count in their own flows, not here).
/// </summary>
public sealed class SqlStatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<StrongBox> Current = new();
    private static readonly SqlStatementCounter Instance = new();
    private static readonly IDisposable Subscription = DiagnosticListener.AllListeners.Subscribe(Instance);

    private sealed class StrongBox
    {
        public readonly List<(string Text, Npgsql.NpgsqlParameter[] Parameters)> Sent = [];
    }

    /// <summary>Runs <paramref name="action"/> and returns the commands it sent.</summary>
    public static async Task<IReadOnlyList<string>> Measure(Func<Task> action) =>
        [.. (await Capture(action)).Select(c => c.Text)];

    /// <summary>Runs <paramref name="action"/> and returns the commands it sent with their parameters (to EXPLAIN them).</summary>
    public static async Task<IReadOnlyList<(string Text, Npgsql.NpgsqlParameter[] Parameters)>> Capture(Func<Task> action)
    {
        GC.KeepAlive(Subscription);
        var box = new StrongBox();
        Current.Value = box;
        try
        {
            await action();
        }
        finally
        {
            Current.Value = null!;
        }
        lock (box.Sent)
            return [.. box.Sent];
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
            value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name);
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is { } box && value.Value is CommandExecutedEventData executed)
        {
            lock (box.Sent)
            {
                // Copied now: EF reuses and resets the command once it has run.
                box.Sent.Add((executed.Command.CommandText,
                    executed.Command.Parameters.Cast<Npgsql.NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
