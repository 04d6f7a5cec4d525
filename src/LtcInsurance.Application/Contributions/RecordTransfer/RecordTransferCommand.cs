using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.RecordTransfer;

/// <summary>
/// Records a payer other than the person settling its share of a period (到账): the medical insurance pooled fund's
/// transfer (医保统筹基金划转), the treasury's fiscal share or subsidy (财政补助 / 财政资助参保补贴), an employer's payment.
/// The amount is split over the regions by what each still owes and booked as one journal entry (Dr 基金专户存款 /
/// Cr 应收保险费—payer, per region). The reference is unique per tenant: the same transfer again is a no-op. Refusals:
/// the individual as payer, nothing outstanding, more than is outstanding (rules), a reference used for another transfer.
/// </summary>
/// <param name="Payer">Payer code: employer, medical_fund, fiscal, fiscal_subsidy.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RecordTransferCommand(string Period, string Payer, decimal Amount, string Reference, DateOnly ReceivedOn)
    : IRequest<TransferRecorded>;

/// <param name="Outstanding">What the payer still owes for the period after the transfer.</param>
/// <param name="Regions">The amount booked per region.</param>
public sealed record TransferRecorded(Guid TransferId, long JournalSequence, bool AlreadyRecorded, decimal Outstanding,
    IReadOnlyList<TransferRegionShare> Regions);

public sealed record TransferRegionShare(string RegionCode, decimal Amount);
