using System.Collections;
using System.Reflection;
using System.Text.Json;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Auditing;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Application.Common.Auditing;

/// <summary>
/// Writes the audit trail's lines for one request sent through the sender: one line for a command (a request whose type
/// name ends in <c>Command</c>), whatever its outcome, and one per view or export the handler noted. The lines go in a
/// scope and transaction of their own, acting for the caller's tenant, after the handler has returned or thrown (so a
/// refused or failed command is on record too). A signed-in caller with no tenant (the platform admin before choosing a
/// city, the command line acting for no city) is recorded in the platform table <see cref="PlatformAuditEvent"/>.
/// Writing is tried <see cref="Attempts"/> times; a line that still cannot be written is logged as critical with its
/// content and counted by <see cref="AuditLossMonitor"/>, which turns <c>/health/ready</c> degraded (ADR 0007).
/// </summary>
internal static class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How often writing the lines is tried before they are reported lost.</summary>
    public const int Attempts = 3;

    /// <summary>Tenant of the lines built for a caller with no city; never stored (they go to the platform table).</summary>
    private const string NoTenant = "(platform)";

    public static bool IsCommand(Type requestType) => requestType.Name.EndsWith("Command", StringComparison.Ordinal);

    public static string ActionName(Type requestType)
    {
        var name = requestType.Name;
        return name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length]
            : name.EndsWith("Query", StringComparison.Ordinal) ? name[..^"Query".Length] : name;
    }

    public static string OutcomeOf(Exception? error) => error switch
    {
        null => AuditOutcomes.Succeeded,
        ForbiddenAccessException => AuditOutcomes.Forbidden,
        RequestValidationException or BusinessRuleViolationException or PolicyException or LedgerRuleException => AuditOutcomes.Refused,
        _ when error.GetType().Name.EndsWith("RefusedException", StringComparison.Ordinal) => AuditOutcomes.Refused,
        _ => AuditOutcomes.Failed,
    };

    public static async Task RecordAsync(IServiceScopeFactory scopes, CurrentUser user, object request, AuditTrail? trail, Exception? error,
        object? response = null)
    {
        if (user.TenantId is null && !user.IsAuthenticated)
            return;
        var tenant = user.TenantId ?? NoTenant;
        var type = request.GetType();
        var action = ActionName(type);
        var command = IsCommand(type);
        if (!command && (trail is null || trail.Notes.Count == 0))
            return;

        var lines = new List<AuditEvent>();
        ILogger? logger = null;
        AuditLossMonitor? losses = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            logger ??= services.GetService<ILoggerFactory>()?.CreateLogger(typeof(AuditRecorder));
            losses ??= services.GetService<AuditLossMonitor>();
            try
            {
                services.GetRequiredService<Messaging.OperationContext>().User = user;
                var db = services.GetRequiredService<ILtcDbContext>();
                if (lines.Count == 0)
                    lines.AddRange(Lines(services.GetRequiredService<TimeProvider>().GetUtcNow(), tenant, user, request, action, command, trail, error, response));
                foreach (var line in lines)
                {
                    if (user.TenantId is null)
                        db.Set<PlatformAuditEvent>().Add(PlatformAuditEvent.From(line));
                    else
                        db.Set<AuditEvent>().Add(line);
                }

                // The change is done (or refused); the caller's cancellation must not lose its record.
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
#pragma warning disable CA1031 // the change itself stands; a lost audit line is retried, then logged loudly and counted, never reported as the change failing
            catch (Exception e) when (attempt < Attempts)
            {
                if (logger is not null && logger.IsEnabled(LogLevel.Warning))
                    logger.LogWarning(e, "Audit trail: attempt {Attempt} to record {Action} by {UserName} failed; trying again", attempt, action, user.UserName);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), CancellationToken.None);
            }
            catch (Exception e)
#pragma warning restore CA1031
            {
                losses?.Lost(action, user.UserName, user.TenantId);
                if (logger is not null && logger.IsEnabled(LogLevel.Critical))
                {
                    logger.LogCritical(e, "Audit trail: LOST {Count} line(s) of {Action} by {UserName} in tenant {TenantId}: {Lines}", lines.Count, action,
                        user.UserName, user.TenantId, JsonSerializer.Serialize(lines.Select(l => new
                        {
                            l.OccurredAt, l.Kind, l.Action, l.Outcome, l.UserName, l.UserId, l.ClientAddress, l.ApiKeyId, l.EntityType, l.EntityId,
                            l.Request, l.BeforeValue, l.AfterValue, l.RowCount, l.Message,
                        }), Json));
                }
            }
        }
    }

    private static List<AuditEvent> Lines(DateTimeOffset now, string tenant, CurrentUser user, object request, string action, bool command,
        AuditTrail? trail, Exception? error, object? response)
    {
        var lines = new List<AuditEvent>();
        var name = user.UserName ?? user.UserId ?? "anonymous";
        if (command)
        {
            // The entity: as the handler said, else the request's first id, else the id the answer carries (a new claim's).
            var (entityType, entityId) = trail?.Change is { } c ? (c.EntityType, c.EntityId) : EntityOf(request);
            if (entityType is null && response is not null && !IsSimple(response))
                (entityType, entityId) = EntityOf(response);
            var after = trail?.Change is { } known ? known.After : response is null || IsSimple(response) ? null : Describe(response);
            // A use case that answers "not accepted" instead of throwing (a claim with refused lines) was refused too.
            var outcome = error is null && response?.GetType().GetProperty("Accepted")?.GetValue(response) is false
                ? AuditOutcomes.Refused
                : OutcomeOf(error);
            lines.Add(AuditEvent.Of(tenant, now, AuditKinds.Change, action, outcome, name,
                user.UserId, user.ClientAddress, user.ApiKeyId, entityType, entityId, Describe(request),
                trail?.Change?.Before, after, message: error is null ? null : MessageOf(error)));
        }

        foreach (var note in (error is null ? trail?.Notes : null) ?? [])
        {
            lines.Add(AuditEvent.Of(tenant, now, note.Kind, note.Action, AuditOutcomes.Succeeded, name,
                user.UserId, user.ClientAddress, user.ApiKeyId, note.EntityType, note.EntityId, note.Request, rowCount: note.Rows));
        }

        return lines;
    }

    private static bool IsSimple(object value) =>
        value is string or bool or int or long or decimal or Guid or Enum || value.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == true;

    private static string MessageOf(Exception error) => error switch
    {
        RequestValidationException v => string.Join("；", v.Problems.Select(p => p.Message)),
        _ => error.Message,
    };

    /// <summary>The first typed id of the request (<c>ClaimId Claim</c> → <c>Claim</c> / its value), or a Guid property named <c>…Id</c>.</summary>
    internal static (string? Type, string? Id) EntityOf(object request)
    {
        foreach (var property in Properties(request.GetType()))
        {
            var value = property.GetValue(request);
            if (value is null)
                continue;
            var valueType = value.GetType();
            if (valueType.Name.EndsWith("Id", StringComparison.Ordinal) && valueType.GetProperty("Value") is { } inner)
                return (valueType.Name[..^2], Convert.ToString(inner.GetValue(value), System.Globalization.CultureInfo.InvariantCulture));
            if (value is Guid g && property.Name.EndsWith("Id", StringComparison.Ordinal))
                return (property.Name == "Id" ? OwnName(request.GetType()) : property.Name[..^2], g.ToString());
        }

        return (null, null);
    }

    /// <summary>An answer's own name for its <c>Id</c>: <c>ImportJobView</c> → <c>ImportJob</c>.</summary>
    private static string OwnName(Type type)
    {
        foreach (var suffix in new[] { "View", "Result", "Summary", "Detail", "Step" })
        {
            if (type.Name.Length > suffix.Length && type.Name.EndsWith(suffix, StringComparison.Ordinal))
                return type.Name[..^suffix.Length];
        }

        return type.Name;
    }

    /// <summary>
    /// The request's values as JSON: simple values as they are, typed ids by their value, lists by their count; passwords,
    /// secrets, keys and file contents are left out (named, not shown).
    /// </summary>
    internal static string Describe(object request)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Properties(request.GetType()))
        {
            if (IsSecret(property.Name))
            {
                values[property.Name] = "***";
                continue;
            }

            values[property.Name] = Simple(property.GetValue(request), 0);
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase) || name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Token", StringComparison.OrdinalIgnoreCase) || name.Equals("Key", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase);

    private static object? Simple(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s.Length > 200 ? s[..200] + "…" : s;
            case bool or byte or short or int or long or decimal or double or float or Guid or DateOnly or DateTime or DateTimeOffset or TimeOnly:
                return value;
            case Enum e:
                return e.ToString();
            case Stream or byte[] or ReadOnlyMemory<byte> or Memory<byte>:
                return "(file)";
            case IDictionary d:
                return $"({d.Count} entries)";
            case ICollection c:
                return $"({c.Count} items)";
        }

        var type = value.GetType();
        if (type.Name.EndsWith("Id", StringComparison.Ordinal) && type.GetProperty("Value") is { } inner)
            return Simple(inner.GetValue(value), depth + 1);
        if (typeof(IEnumerable).IsAssignableFrom(type))
            return "(items)";
        if (depth >= 2 || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            return type.Name;
        var nested = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Properties(type))
            nested[property.Name] = IsSecret(property.Name) ? "***" : Simple(property.GetValue(value), depth + 1);
        return nested;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"
                        && !typeof(Stream).IsAssignableFrom(p.PropertyType)
                        && !p.PropertyType.Name.StartsWith("IExport", StringComparison.Ordinal)
                        && !typeof(Delegate).IsAssignableFrom(p.PropertyType));
}
