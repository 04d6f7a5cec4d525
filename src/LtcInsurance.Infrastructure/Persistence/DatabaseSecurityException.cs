namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>
/// The database is set up so that tenants would not be isolated (e.g. the application role bypasses row-level
/// security). The application refuses to start rather than run like that.
/// </summary>
public sealed class DatabaseSecurityException(string message) : InvalidOperationException(message);
