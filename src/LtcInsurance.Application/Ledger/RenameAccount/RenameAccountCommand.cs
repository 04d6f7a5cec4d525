using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Ledger.RenameAccount;

/// <summary>
/// Gives an account of the current tenant's chart a new name; nothing else about it changes (entries and their hashes
/// refer to the code, which stays; the name is not part of any hash).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record RenameAccountCommand(string? Code, string? Name) : IRequest<ChartChange>
{
    internal string TrimmedCode => Code?.Trim() ?? "";

    internal string TrimmedName => Name?.Trim() ?? "";
}
