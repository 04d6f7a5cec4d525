using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.GetChainHead;

/// <summary>
/// The current tenant's recorded chain head (<see cref="ChainHead.Empty"/> without entries), as written with each entry (one row, no recomputation): the auditor's page
/// compares it with the head its last verification reached, to tell a verification that no longer covers the books.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetChainHeadQuery : IRequest<ChainHead>;
