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
/// refused or failed command is on record too). A caller with no tenant (the platform admin before choosing a city)
/// acts on no tenant's data; nothing is recorded for it.
/// </summary>
internal static class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
        if (user.TenantId is not { } tenant)
            return;
        var type = request.GetType();
        var action = ActionName(type);
        var command = IsCommand(type);
        if (!command && (trail is null || trail.Notes.Count == 0))
            return;

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(AuditRecorder));
        try
        {
            services.GetRequiredService<Messaging.OperationContext>().User = user;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var db = services.GetRequiredService<ILtcDbContext>();
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
                db.Set<AuditEvent>().Add(AuditEvent.Of(tenant, now, AuditKinds.Change, action, outcome, name,
                    user.UserId, user.ClientAddress, user.ApiKeyId, entityType, entityId, Describe(request),
                    trail?.Change?.Before, after, message: error is null ? null : MessageOf(error)));
            }

            foreach (var note in (error is null ? trail?.Notes : null) ?? [])
            {
                db.Set<AuditEvent>().Add(AuditEvent.Of(tenant, now, note.Kind, note.Action, AuditOutcomes.Succeeded, name,
                    user.UserId, user.ClientAddress, user.ApiKeyId, note.EntityType, note.EntityId, note.Request, rowCount: note.Rows));
            }

            // The change is done (or refused); the caller's cancellation must not lose its record.
            await db.SaveChangesAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // the change itself stands; a lost audit line is logged loudly, never reported as the change failing
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (logger is not null && logger.IsEnabled(LogLevel.Critical))
                logger.LogCritical(e, "Audit trail: could not record {Action} by {UserName} in tenant {TenantId}", action, user.UserName, tenant);
        }
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
