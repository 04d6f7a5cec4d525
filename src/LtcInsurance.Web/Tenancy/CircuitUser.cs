using System.Security.Claims;
using LtcInsurance.Application.Common.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LtcInsurance.Web.Tenancy;

/// <summary>
/// The user of an interactive circuit (one per circuit: a scoped service). Set when the circuit opens and whenever its
/// authentication state changes, so a use case sent from a button click acts for the user signed in now, not for the
/// stale HTTP request that started the circuit.
/// </summary>
public sealed class CircuitUser
{
    public ClaimsPrincipal? Principal { get; set; }

    /// <summary>The address of the client whose connection carries the circuit (taken when the circuit opens), for the audit trail.</summary>
    public string? ClientAddress { get; set; }
}

/// <summary>
/// The user of the caller's scope: the circuit's user inside an interactive circuit, otherwise the HTTP request's
/// (static pages, prerendering, endpoints). Read by the sender once per use-case call.
/// </summary>
public sealed class WebCurrentUserSource(IHttpContextAccessor httpContextAccessor, CircuitUser circuit) : ICurrentUserSource
{
    public CurrentUser Current => HttpCurrentUserSource.From(circuit.Principal ?? httpContextAccessor.HttpContext?.User,
        circuit.ClientAddress ?? HttpCurrentUserSource.ClientAddress(httpContextAccessor.HttpContext));
}

/// <summary>Keeps <see cref="CircuitUser"/> in step with the circuit's authentication state.</summary>
public sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser user, IHttpContextAccessor httpContextAccessor)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The hub connection's request, while the circuit starts: the address the audit trail records for this tab.
        user.ClientAddress ??= HttpCurrentUserSource.ClientAddress(httpContextAccessor.HttpContext);
        authentication.AuthenticationStateChanged += OnChanged;
        user.Principal = (await authentication.GetAuthenticationStateAsync()).User;
    }

    private void OnChanged(Task<AuthenticationState> state) =>
        _ = Update(state);

    private async Task Update(Task<AuthenticationState> state)
    {
        try
        {
            user.Principal = (await state).User;
        }
        catch (Exception) when (!state.IsCompletedSuccessfully)
        {
            // A failed revalidation: nobody is signed in on this circuit any more.
            user.Principal = new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
