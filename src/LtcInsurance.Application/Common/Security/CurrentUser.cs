namespace LtcInsurance.Application.Common.Security;

/// <summary>
/// Who acts: the signed-in user of a page or API call, or the operator of a CLI command or job. The tenant is the one
/// the user acts for (their own city; for a platform admin the city they switched to; null: no tenant data visible).
/// </summary>
public sealed record CurrentUser(string? UserId, string? UserName, string? TenantId, IReadOnlyCollection<string> Roles)
{
    public static readonly CurrentUser Anonymous = new(null, null, null, []);

    public bool IsAuthenticated => UserId is not null || UserName is not null;

    /// <summary>The agreement code of the care provider an institution user acts for (claim <c>ltc:provider</c>); null otherwise.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>Where the request came from (the client's IP address, as the configured proxy forwards it); null for the CLI and jobs.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The REST API key the request was signed with (its id); null for the portal, the CLI and jobs.</summary>
    public string? ApiKeyId { get; init; }

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>An operator of the command line or a background job, acting for one tenant with every role.</summary>
    public static CurrentUser System(string? tenantId, string userName = "system") =>
        new(userName, userName, tenantId, LtcInsurance.Application.Security.Roles.All);
}

/// <summary>
/// Supplied by each host (web request, interactive circuit, CLI, test): the user of the caller's scope. Read once per
/// <see cref="Messaging.ISender.Send{TResponse}"/>, outside the handler's own scope.
/// </summary>
public interface ICurrentUserSource
{
    CurrentUser Current { get; }
}

/// <summary>What a handler reads to know who acts (inside a handler scope: the user captured when the request was sent).</summary>
public interface ICurrentUser
{
    CurrentUser User { get; }
}

/// <summary>
/// Roles allowed to send a request; any one suffices. A request without this attribute must carry
/// <see cref="AllowAnyUserAttribute"/> (an architecture test checks that every request says which).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Any signed-in user (or the CLI) may send the request; it still sees only its tenant's data.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowAnyUserAttribute : Attribute;

/// <summary>The caller is not allowed to do this. The message is Chinese, for the page or problem+json.</summary>
public sealed class ForbiddenAccessException : Exception
{
    public ForbiddenAccessException()
        : base("无权执行此操作。")
    {
    }

    public ForbiddenAccessException(string message)
        : base(message)
    {
    }

    public ForbiddenAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A user fixed for the life of a scope or process: the CLI's operator, a job, a test.</summary>
public sealed class FixedCurrentUserSource(CurrentUser user) : ICurrentUserSource
{
    public CurrentUser Current { get; } = user;
}
