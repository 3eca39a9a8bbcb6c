namespace Engine.Workflows;

/// <summary>
/// Produces and Consumes across jobs: each target's produced files are one artifact named after it, uploaded by its
/// job and downloaded, to the same place, by every later job whose targets consume them. A consumer needs its producer.
/// </summary>
internal static class JobArtifacts
{
    public static void Assign(JobSet set, DeclarationErrors errors)
    {
        foreach (var job in set.Jobs)
        {
            job.Uploads = job.Targets.Where(t => t.Produces.Count > 0).Select(Artifact).ToList();
            var downloads = new List<JobArtifact>();
            foreach (var consumed in job.Targets.SelectMany(t => t.Consumes.Select(producer => (Consumer: t, Producer: producer))))
            {
                // Artifacts travel within one run: a producer the workflow does not run left nothing to download.
                if (set.JobOf(consumed.Producer) is not { } producerJob || producerJob == job)
                    continue;
                if (consumed.Producer.Produces.Count == 0)
                {
                    errors.Add($"{consumed.Consumer.Name} consumes {consumed.Producer.Name}, which declares no Produces globs.");
                    continue;
                }

                if (downloads.All(d => d.Producer != consumed.Producer))
                    downloads.Add(Artifact(consumed.Producer));
                set.AddNeed(job, producerJob, pinned: false);
            }

            job.Downloads = downloads;
        }
    }

    private static JobArtifact Artifact(ExecutableTarget target) =>
        new(JobId.Kebab(target.Name), target, target.Produces, ArtifactRoot.Of(target.Produces));
}
