using LtcInsurance.Application.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Web.Security;

/// <summary>
/// An interactive circuit sends no HTTP requests, so the cookie check does not run for it. This provider re-checks the
/// circuit's session against the user's security stamp every <see cref="SecuritySettings.CircuitRevalidationInterval"/>:
/// a user signed out elsewhere, locked or changed loses the circuit's authentication, and with it every use case
/// (the sender refuses an anonymous caller).
/// </summary>
internal sealed class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SecuritySettings> settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Value.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISignInService>()
            .IsSessionCurrentAsync(authenticationState.User, cancellationToken);
    }
}
