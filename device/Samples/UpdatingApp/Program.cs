using System.Diagnostics;
using System.Threading;
using nanoFramework.Networking;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Nano;

namespace UpdatingApp
{
    public class Program
    {
        private const string ImageUrl = "http://192.168.1.10:8080/app-signed.bin";

        public static void Main()
        {
            NetworkHelper.SetupAndConnectNetwork(new CancellationTokenSource(60000).Token);
            UpdateAgent agent = NanoUpdater.Create(NanoUpdater.DiscoveryArduinoSpiBus, NanoUpdater.DiscoveryArduinoChipSelect,
                new TrustedKey[] { UpdateKeys.TrustedKey });
            Debug.WriteLine(agent.LastAttempt(ImageKind.Deployment).Describe());

            // After an update the new image runs in TEST mode: keep it only if it works, otherwise go back.
            if (agent.IsPendingConfirmation)
            {
                if (SelfTestPasses()) { agent.Confirm(); } else { agent.RequestRevert(); }
            }

            agent.Progress += (position, length) => Debug.WriteLine("staged " + position.ToString() + " of " + length.ToString() + " bytes");
            UpdateResult result = agent.Stage(new UpdateOffer(ImageUrl));
            Debug.WriteLine(result.ToString());
            if (result.Status == UpdateStatus.Staged)
            {
                agent.RebootToInstall();
            }

            Thread.Sleep(Timeout.Infinite);
        }

        // Your application's own health check: sensors answer, the server is reachable, the settings load...
        private static bool SelfTestPasses() => true;
    }
}
