import type { RuleModule } from '../../../core/rule';
import { get, getPath, isTScalar, items, pairOf, str } from '../../kubernetes/tree';
import type { ParsedDocker } from '../syntax';

const ADVICE =
  'On Inferentia2/Trainium hosts there is no NVIDIA runtime: remove it and pass the Neuron devices to the container instead (e.g. `devices: ["/dev/neuron0:/dev/neuron0"]`, one per Neuron device), on an AMI with the Neuron driver.';

/** Compose services that ask Docker for NVIDIA GPUs: runtime: nvidia, gpus:, GPU device reservations. */
export const nvidiaRuntime: RuleModule<ParsedDocker> = {
  meta: {
    id: 'docker/nvidia-runtime',
    category: 'cuda-image',
    severity: 'warning',
    effort: 'low',
    description: 'A compose service that requests NVIDIA GPUs: `runtime: nvidia`, `gpus:`, or a `deploy.resources.reservations.devices` entry with `driver: nvidia` / `capabilities: [gpu]`.',
  },
  check(parsed, ctx) {
    if (parsed.kind !== 'compose') return;
    for (const svc of parsed.services) {
      const runtime = get(svc.node, 'runtime');
      if (isTScalar(runtime) && /nvidia/i.test(str(runtime) ?? '')) {
        ctx.report({ start: runtime.start, end: runtime.end, message: `Service ${svc.name} runs with the NVIDIA container runtime (runtime: ${str(runtime)}).`, advice: ADVICE });
      }
      const gpus = pairOf(svc.node, 'gpus');
      if (gpus && !(isTScalar(gpus.value) && (gpus.value.value === 0 || gpus.value.value === '0'))) {
        ctx.report({ start: gpus.keyNode.start, end: gpus.keyNode.end, message: `Service ${svc.name} requests GPUs (gpus:).`, advice: ADVICE });
      }
      for (const dev of items(getPath(svc.node, 'deploy', 'resources', 'reservations', 'devices'))) {
        const driver = get(dev, 'driver');
        if (isTScalar(driver) && /nvidia/i.test(str(driver) ?? '')) {
          ctx.report({ start: driver.start, end: driver.end, message: `Service ${svc.name} reserves NVIDIA GPU devices (driver: ${str(driver)}).`, advice: ADVICE });
          continue;
        }
        if (driver) continue;
        const gpuCap = items(get(dev, 'capabilities')).find((c) => str(c) === 'gpu');
        if (isTScalar(gpuCap)) {
          ctx.report({ start: gpuCap.start, end: gpuCap.end, message: `Service ${svc.name} reserves GPU devices (capabilities: [gpu]).`, advice: ADVICE });
        }
      }
    }
  },
};
