using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.AddAccount;

/// <summary>
/// Adds an account to the current tenant's chart. With <see cref="RegionCode"/>, <see cref="Code"/> names the city
/// account to split and the new account is its region sub-account <c>{code}@{region}</c>, of the same type. An account's
/// code and type never change afterwards (postings and the hash chain refer to the code, and the type decides the sign
/// of every balance). A consistent request the books refuse (a code already used, an unknown region or parent) is a
/// <see cref="ChartChange"/> with a Chinese message, not an exception: an admin's typo is not an error of the application.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record AddAccountCommand(string? Code, string? Name, AccountType Type, string? RegionCode) : IRequest<ChartChange>
{
    internal string TrimmedCode => Code?.Trim() ?? "";

    internal string TrimmedName => Name?.Trim() ?? "";

    internal string? TrimmedRegion => string.IsNullOrWhiteSpace(RegionCode) ? null : RegionCode.Trim();
}
