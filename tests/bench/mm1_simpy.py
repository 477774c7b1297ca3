#!/usr/bin/env python3
# mm1_simpy.py -- the M/M/1 queue of mm1.c (lambda = 0.9, mu = 1, FIFO,
# wait in queue Wq per customer) in SimPy, the baseline neosim is compared
# with.  Uses SimPy >= 3 (module simpy: Environment, Resource; Debian
# python3-simpy3) and falls back to SimPy 2 (module SimPy: Simulation,
# Process; Debian python3-simpy).
# usage: mm1_simpy.py [customers]   (default 1e6: ~7 s with SimPy 3.0;
# customers/s is a rate, so fewer customers give the same figure)
import random
import sys
import time

LAMBDA, MU = 0.9, 1.0


def mm1_simpy3(simpy, n, arr, svc):
    """Customers served and the sum of their waits."""
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    stats = [0, 0.0]

    def customer():
        arrive = env.now
        with server.request() as req:
            yield req
            stats[0] += 1
            stats[1] += env.now - arrive
            yield env.timeout(svc.expovariate(MU))

    def source():
        for _ in range(n):
            yield env.timeout(arr.expovariate(LAMBDA))
            env.process(customer())

    env.process(source())
    env.run()
    return stats


def mm1_simpy2(sim_mod, n, arr, svc):
    """The same model in the SimPy 2 process-interaction API."""
    sim = sim_mod.Simulation()
    sim.initialize()
    server = sim_mod.Resource(capacity=1, sim=sim)
    stats = [0, 0.0]

    class Customer(sim_mod.Process):
        def run(self):
            arrive = sim.now()
            yield sim_mod.request, self, server
            stats[0] += 1
            stats[1] += sim.now() - arrive
            yield sim_mod.hold, self, svc.expovariate(MU)
            yield sim_mod.release, self, server

    class Source(sim_mod.Process):
        def run(self):
            for _ in range(n):
                yield sim_mod.hold, self, arr.expovariate(LAMBDA)
                c = Customer(sim=sim)
                sim.activate(c, c.run())

    src = Source(sim=sim)
    sim.activate(src, src.run())
    sim.simulate(until=float("inf"))
    return stats


def bench(name, value, unit):
    v = "%.3g" % value
    if "e" in v:
        m, e = v.split("e")
        v = "%se%d" % (m, int(e))
    print("bench %s %s %s" % (name, v, unit), flush=True)


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1000000
    arr, svc = random.Random(1), random.Random(2)
    try:
        import simpy
        run, mod, version = mm1_simpy3, simpy, getattr(simpy, "__version__", "3")
    except ImportError:
        import SimPy
        import SimPy.Simulation
        run, mod, version = mm1_simpy2, SimPy.Simulation, getattr(SimPy, "__version__", "2")
    print("# simpy %s, python %s" % (version, sys.version.split()[0]))
    t0 = time.perf_counter()
    served, wait = run(mod, n, arr, svc)
    dt = time.perf_counter() - t0
    if served != n:
        sys.exit("mm1_simpy: served %d of %d customers" % (served, n))
    bench("mm1_simpy", n / dt, "customers/s")
    bench("mm1_simpy_wait_mean", wait / served, "hours")


if __name__ == "__main__":
    main()
