using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Application.Supervision.ScreenSubmittedClaim;

/// <summary>
/// Screens a claim as soon as it is stored (after <see cref="SubmitClaimCommand"/>): the anomaly rules run over its service
/// month and the flags about this claim are stored. The submission itself is not changed: a failure here is logged and
/// the nightly run finds the same anomalies.
/// </summary>
internal sealed partial class ScreenSubmittedClaim(SupervisionRunner runner, ILogger<ScreenSubmittedClaim> logger)
    : IRequestPostProcessor<SubmitClaimCommand, ClaimSubmission>
{
    public async Task ProcessAsync(SubmitClaimCommand request, ClaimSubmission response, CancellationToken cancellationToken)
    {
        if (response is not { Accepted: true, AlreadySubmitted: false, ClaimId: { } claimId } || !Month.TryParse(request.Month.Trim(), out var month))
            return;
        try
        {
            await runner.RunAsync([month.FirstDay], claimId, "submission", cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogScreeningFailed(logger, failure, response.Number ?? claimId.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Screening claim {Claim} after submission failed; the nightly run will screen it")]
    private static partial void LogScreeningFailed(ILogger logger, Exception failure, string claim);
}
