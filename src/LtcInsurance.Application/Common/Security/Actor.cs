namespace LtcInsurance.Application.Common.Security;

/// <summary>The name under which an action is recorded (recorded_by, run_by, created_by …).</summary>
public static class Actor
{
    /// <summary>The user name, else the user id; "anonymous" only if a request allowed anonymous callers.</summary>
    public static string Name(this ICurrentUser current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var user = current.User;
        return !string.IsNullOrWhiteSpace(user.UserName) ? user.UserName
            : !string.IsNullOrWhiteSpace(user.UserId) ? user.UserId
            : "anonymous";
    }
}
