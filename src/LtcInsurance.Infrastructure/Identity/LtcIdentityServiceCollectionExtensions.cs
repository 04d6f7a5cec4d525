using LtcInsurance.Application.Accounts;
using LtcInsurance.Application.Users;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Infrastructure.Identity;

public static class LtcIdentityServiceCollectionExtensions
{
    /// <summary>The user directory (admin pages, account use cases): Identity's tables read through LtcDbContext.</summary>
    public static IServiceCollection AddLtcUserDirectory(this IServiceCollection services)
    {
        services.AddScoped<IUserDirectory, UserDirectory>();
        return services;
    }

    /// <summary>
    /// ASP.NET Identity over LtcDbContext for a host that signs users in (the web app): users and roles, the claims the
    /// sign-in cookie carries (tenant, display name, provider), and <see cref="ISignInService"/>.
    /// </summary>
    public static IdentityBuilder AddLtcIdentity(this IServiceCollection services, Action<IdentityOptions> configure)
    {
        services.AddScoped<ISignInService, IdentitySignInService>();
        return services.AddIdentity<AppUser, AppRole>(configure)
            .AddEntityFrameworkStores<LtcDbContext>()
            .AddClaimsPrincipalFactory<LtcClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
    }
}
