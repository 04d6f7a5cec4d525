using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>How sign-in failures are counted (docs/security.md, "Sign-in throttling and lockout").</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Wrong passwords from one client address for one user name before that address is refused that name.</summary>
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>How long the count of one address and name lasts from its first failure (and so the refusal).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Failed sign-ins per (client address, user name), in memory, for a window. Unknown names are counted the same way
/// as real ones, so the answers do not tell which names exist. Per node: with n nodes an address gets at most n times
/// the allowance, which the per-address rate limit in front bounds anyway.
/// </summary>
internal sealed class SignInFailures(IMemoryCache cache, IOptions<SignInThrottleOptions> options)
{
    private sealed class Counter
    {
        public int Failures;
    }

    private static string Key(string userName, string address) =>
        "ltc.signin-failures:" + address + ":" + userName.Trim().ToUpperInvariant();

    public bool IsBlocked(string userName, string address) =>
        cache.TryGetValue(Key(userName, address), out Counter? counter)
        && Volatile.Read(ref counter!.Failures) >= options.Value.FailuresPerAddress;

    /// <summary>Counts a failure; true when it is the first from this address for this name in the window.</summary>
    public bool Record(string userName, string address)
    {
        var counter = cache.GetOrCreate(Key(userName, address), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.Value.Window;
            return new Counter();
        })!;
        return Interlocked.Increment(ref counter.Failures) == 1;
    }

    public void Forget(string userName, string address) => cache.Remove(Key(userName, address));
}
