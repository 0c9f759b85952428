//! Node positions for the HTML viewer, computed here rather than in the page
//! so that the same graph always gives the same picture and the same bytes.
//!
//! Each connected component is laid out on its own with Fruchterman-Reingold
//! forces (repulsion only between nodes in neighbouring grid cells, so a
//! step costs about O(n + e)), started from a breadth-first spiral and run
//! for a fixed number of steps; components are then packed in rows, largest
//! first, and nodes without edges set out in a compact grid below them.

/// The distance the forces settle neighbours at, in pixels.
const IDEAL: f64 = 150.0;
const STEPS: usize = 300;
/// Big components get fewer steps: their picture is a cloud whatever the count.
const BIG_STEPS: usize = 80;
const BIG: usize = 1000;
/// Grid spacing for nodes without edges: room for a label across, a node down.
const ISOLATED_STEP: (f64, f64) = (150.0, 60.0);
const GAP: f64 = 80.0;

/// Positions for nodes `0..n` joined by `edges` (direction ignored).
pub fn layout(n: usize, edges: &[(usize, usize)]) -> Vec<(f64, f64)> {
    let mut positions = vec![(0.0, 0.0); n];
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a != b {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
    }
    for list in &mut adjacency {
        list.sort_unstable();
        list.dedup();
    }
    let (components, isolated) = components(&adjacency);
    let mut boxes = Vec::with_capacity(components.len());
    for component in &components {
        let local = force_layout(component, &adjacency);
        let (min_x, min_y, max_x, max_y) = bounds(&local);
        for (&node, &(x, y)) in component.iter().zip(&local) {
            positions[node] = (x - min_x, y - min_y);
        }
        boxes.push((max_x - min_x, max_y - min_y));
    }
    let area: f64 = boxes
        .iter()
        .map(|(w, h)| (w + GAP) * (h + GAP))
        .sum::<f64>()
        + isolated.len() as f64 * ISOLATED_STEP.0 * ISOLATED_STEP.1;
    let widest = boxes.iter().map(|b| b.0).fold(0.0, f64::max);
    let row_width = (area.sqrt() * 1.2).max(widest).max(ISOLATED_STEP.0 * 4.0);
    let (mut x, mut y, mut row_height) = (0.0, 0.0, 0.0_f64);
    for (component, (w, h)) in components.iter().zip(boxes) {
        if x > 0.0 && x + w > row_width {
            (x, y, row_height) = (0.0, y + row_height + GAP, 0.0);
        }
        for &node in component {
            positions[node].0 += x;
            positions[node].1 += y;
        }
        x += w + GAP;
        row_height = row_height.max(h);
    }
    if !components.is_empty() {
        y += row_height + GAP;
    }
    let columns = ((row_width / ISOLATED_STEP.0) as usize).max(1);
    for (i, &node) in isolated.iter().enumerate() {
        positions[node] = (
            (i % columns) as f64 * ISOLATED_STEP.0,
            y + (i / columns) as f64 * ISOLATED_STEP.1,
        );
    }
    for p in &mut positions {
        *p = ((p.0 * 10.0).round() / 10.0, (p.1 * 10.0).round() / 10.0);
    }
    positions
}

/// Components of two or more nodes, largest first, each in breadth-first
/// order from its best-connected node; then the nodes without edges.
fn components(adjacency: &[Vec<usize>]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n = adjacency.len();
    let mut seen = vec![false; n];
    let mut components = Vec::new();
    let mut isolated = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        if adjacency[start].is_empty() {
            seen[start] = true;
            isolated.push(start);
            continue;
        }
        let mut members = vec![start];
        seen[start] = true;
        let mut i = 0;
        while i < members.len() {
            for &next in &adjacency[members[i]] {
                if !seen[next] {
                    seen[next] = true;
                    members.push(next);
                }
            }
            i += 1;
        }
        let hub = *members
            .iter()
            .max_by_key(|&&m| (adjacency[m].len(), std::cmp::Reverse(m)))
            .expect("a component has a node");
        components.push(breadth_first(hub, adjacency, members.len()));
    }
    components.sort_by_key(|c| (std::cmp::Reverse(c.len()), c[0]));
    (components, isolated)
}

fn breadth_first(start: usize, adjacency: &[Vec<usize>], size: usize) -> Vec<usize> {
    let mut order = Vec::with_capacity(size);
    let mut seen = std::collections::HashSet::with_capacity(size);
    order.push(start);
    seen.insert(start);
    let mut i = 0;
    while i < order.len() {
        for &next in &adjacency[order[i]] {
            if seen.insert(next) {
                order.push(next);
            }
        }
        i += 1;
    }
    order
}

fn bounds(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    points.iter().fold(
        (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
        |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
    )
}

/// Fruchterman-Reingold on one component, in the order given.
fn force_layout(component: &[usize], adjacency: &[Vec<usize>]) -> Vec<(f64, f64)> {
    let n = component.len();
    let local: std::collections::HashMap<usize, usize> =
        component.iter().enumerate().map(|(i, &g)| (g, i)).collect();
    let edges: Vec<(usize, usize)> = component
        .iter()
        .enumerate()
        .flat_map(|(i, g)| adjacency[*g].iter().map(move |h| (i, *h)))
        .map(|(i, h)| (i, local[&h]))
        .filter(|(i, j)| i < j)
        .collect();
    // A golden-angle spiral: neighbours in breadth-first order start near.
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = IDEAL * 0.6 * (i as f64 + 0.5).sqrt();
            let angle = i as f64 * 2.399_963_229_728_653;
            (r * angle.cos(), r * angle.sin())
        })
        .collect();
    let cell = 1.5 * IDEAL;
    let steps = if n > BIG { BIG_STEPS } else { STEPS };
    let mut displacement = vec![(0.0, 0.0); n];
    let start_temperature = IDEAL * (n as f64).sqrt().max(1.0);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> =
        std::collections::HashMap::new();
    for step in 0..steps {
        let temperature = start_temperature * (1.0 - step as f64 / steps as f64) + 1.0;
        displacement.fill((0.0, 0.0));
        grid.clear();
        for (i, &(x, y)) in pos.iter().enumerate() {
            grid.entry(cell_of(x, y, cell)).or_default().push(i);
        }
        for (i, &(x, y)) in pos.iter().enumerate() {
            let (cx, cy) = cell_of(x, y, cell);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(others) = grid.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    for &j in others {
                        if j == i {
                            continue;
                        }
                        let (mut ddx, mut ddy) = (x - pos[j].0, y - pos[j].1);
                        let mut d2 = ddx * ddx + ddy * ddy;
                        if d2 < 1e-6 {
                            // Coincident nodes part along a direction fixed by their indices.
                            let angle = (i * 7919 + j) as f64;
                            (ddx, ddy, d2) = (angle.cos(), angle.sin(), 1.0);
                        }
                        if d2 > cell * cell {
                            continue;
                        }
                        let force = IDEAL * IDEAL / d2;
                        displacement[i].0 += ddx * force;
                        displacement[i].1 += ddy * force;
                    }
                }
            }
        }
        for &(i, j) in &edges {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let force = d / IDEAL;
            displacement[i].0 -= dx * force;
            displacement[i].1 -= dy * force;
            displacement[j].0 += dx * force;
            displacement[j].1 += dy * force;
        }
        // A weak pull to the centre keeps loosely tied parts from drifting apart.
        for (p, d) in pos.iter_mut().zip(&mut displacement) {
            d.0 -= p.0 * 0.02;
            d.1 -= p.1 * 0.02;
            let length = (d.0 * d.0 + d.1 * d.1).sqrt();
            if length > 0.0 {
                let moved = length.min(temperature);
                p.0 += d.0 / length * moved;
                p.1 += d.1 / length * moved;
            }
        }
    }
    pos
}

fn cell_of(x: f64, y: f64, cell: f64) -> (i64, i64) {
    ((x / cell).floor() as i64, (y / cell).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn neighbours_sit_closer_than_strangers_and_no_two_nodes_coincide() {
        // Two triangles and two nodes without edges.
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)];
        let p = layout(8, &edges);
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 4), "{p:?}");
        assert!(d(3, 4) < d(2, 5), "{p:?}");
        for a in 0..8 {
            for b in a + 1..8 {
                assert!(d(a, b) > 20.0, "{a} and {b} overlap: {p:?}");
            }
        }
        assert_eq!(p, layout(8, &edges));
    }
}
