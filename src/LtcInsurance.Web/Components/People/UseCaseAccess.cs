using System.Reflection;
using System.Security.Claims;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Web.Components.People;

/// <summary>
/// Whether a user may send a use case, read from the roles the request itself declares (<see cref="RequiresRoleAttribute"/>):
/// a page shows a button only to those the use case would accept. The use case still checks (this only hides).
/// </summary>
public static class UseCaseAccess
{
    public static bool Allows<TRequest>(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return false;
        var required = typeof(TRequest).GetCustomAttribute<RequiresRoleAttribute>();
        return required is null
            ? typeof(TRequest).GetCustomAttribute<AllowAnyUserAttribute>() is not null
            : required.Roles.Any(user.IsInRole);
    }
}
