using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Jobs.EnqueueJob;

/// <summary>
/// Queues a background job of the current tenant for the signed-in user (internal: the use cases that start long work,
/// such as <c>StartBillingRunCommand</c>, queue through it after their own checks; no page queues a job directly).
/// </summary>
internal sealed class JobEnqueuer(ILtcDbContext db, ICurrentUser user, TimeProvider clock, JobWakeup wakeup)
{
    /// <summary>
    /// Queues the job (with <paramref name="id"/> when given: a register import's job has its import's id) and saves it
    /// with whatever else the caller has added to the context, in one transaction.
    /// </summary>
    public async Task<BackgroundJob> EnqueueAsync(string kind, string payload, (string Name, byte[] Content)? file,
        CancellationToken cancellationToken, Guid? id = null)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var now = clock.GetUtcNow();
        var who = user.User.UserName ?? user.User.UserId ?? "unknown";
        var job = new BackgroundJob
        {
            Id = id ?? Guid.CreateVersion7(), TenantId = tenant, Kind = kind, Payload = payload, CreatedBy = who.Length > 100 ? who[..100] : who,
            CreatedAt = now, UpdatedAt = now, Message = "已排队，等待后台执行",
        };
        db.Set<BackgroundJob>().Add(job);
        if (file is { } f)
            db.Set<BackgroundJobFile>().Add(new BackgroundJobFile { TenantId = tenant, JobId = job.Id, FileName = f.Name, Content = f.Content });
        await db.SaveChangesAsync(cancellationToken);
        db.Set<BackgroundJob>().Entry(job).State = EntityState.Detached;
        wakeup.Notify();
        return job;
    }

    /// <summary>The queued or running job of <paramref name="kind"/> with exactly this payload, if there is one.</summary>
    public Task<BackgroundJob?> ActiveAsync(string kind, string payload, CancellationToken cancellationToken) =>
        db.Set<BackgroundJob>().AsNoTracking()
            .Where(j => j.Kind == kind && (j.Status == BackgroundJobStatus.Queued || j.Status == BackgroundJobStatus.Running))
            .Where(j => j.Payload == payload)
            .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
