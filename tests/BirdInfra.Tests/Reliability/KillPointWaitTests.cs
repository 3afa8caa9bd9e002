using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>
/// The kill-point wait the crash trials use (<see cref="CallLog.WaitForAnsweredMutatingCallsAsync"/>): a kill point that
/// never comes fails the trial, naming the call, instead of letting it go on from an arbitrary point.
/// </summary>
public sealed class KillPointWaitTests
{
    [Fact]
    public async Task AKillPointThatNeverComes_FailsTheTrial_NamingTheCall()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        // A child that neither calls Bird nor exits: its shell step waits on a FIFO nobody writes.
        var fifo = Path.Combine(ws.Root, "never");
        using var child = BirdInfraProcess.StartAfter(ws, $"mkfifo '{fifo}' && read line < '{fifo}'", "up", "--stack", "e2e", "--yes");
        try
        {
            var wait = () => CallLog.WaitForAnsweredMutatingCallsAsync(ws, child, 3, TimeSpan.FromMilliseconds(500));

            (await wait.Should().ThrowAsync<TimeoutException>())
                .WithMessage("*kill point was never reached*0 of the 3 mutating calls*mutating call #3 was never seen*child did not exit*");
            child.HasExited.Should().BeFalse();
        }
        finally
        {
            child.Kill();
            await child.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
