namespace LtcInsurance.Web.Security;

/// <summary>Session and sign-in settings, section <c>Ltc:Security</c> (docs/security.md).</summary>
public sealed class SecuritySettings
{
    public const string Section = "Ltc:Security";

    /// <summary>A session unused this long ends (sliding: each request within the time extends it). <c>Ltc:Security:IdleTimeout</c>.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sign-in form posts allowed per client address (IPv4 address, IPv6 /64) and minute; the rest get 429.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Payments above this amount (yuan) need the clerk's password again.</summary>
    public decimal ReauthenticateAbove { get; set; } = 10_000m;

    /// <summary>How often an interactive circuit re-checks that its session is still current (signed out elsewhere, locked).</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
